package org.trafficsafety.store.parquet;

import java.util.List;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import org.trafficsafety.message.MapData;
import org.trafficsafety.message.Spat;

/**
 * The nested parts of MapData and SPaT as JSON text columns (the records' own component names). NaN is written as
 * a bare {@code NaN} token and read back, so a round trip is exact.
 */
final class NestedJson {

    private static final TypeReference<List<MapData.IntersectionGeometry>> GEOMETRIES = new TypeReference<>() {
    };
    private static final TypeReference<List<Spat.IntersectionState>> STATES = new TypeReference<>() {
    };

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    String write(Object value) {
        return mapper.writeValueAsString(value);
    }

    List<MapData.IntersectionGeometry> readGeometries(String json) {
        return mapper.readValue(json, GEOMETRIES);
    }

    List<Spat.IntersectionState> readStates(String json) {
        return mapper.readValue(json, STATES);
    }
}
