package org.trafficsafety.store.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.trafficsafety.analysis.index.IndexWeights;
import org.trafficsafety.analysis.index.NormalizationConstants;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the normalization constants in force from {@code normalization_constants}: the row valid at an instant
 * with the latest {@code valid_from}. The {@code constants} jsonb keys are the record components in snake_case.
 */
public final class NormalizationConstantsReader {

    private static final String SELECT = """
            SELECT id, computed_at, valid_from, valid_until, constants::text
            FROM normalization_constants
            WHERE valid_from <= ? AND (valid_until IS NULL OR valid_until > ?)
            ORDER BY valid_from DESC, id DESC
            LIMIT 1""";

    private final DataSource dataSource;
    private final ObjectMapper json = new ObjectMapper();

    public NormalizationConstantsReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The constants in force at {@code at}; empty when no row covers it.
     *
     * @throws IllegalStateException when the row's jsonb lacks a key or holds an invalid value (names the row)
     */
    public Optional<NormalizationConstants> findInForce(Instant at) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(SELECT)) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setTimestamp(2, Timestamp.from(at));
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                long id = r.getLong(1);
                Timestamp until = r.getTimestamp(4);
                try {
                    JsonNode k = json.readTree(r.getString(5));
                    JsonNode w = k.required("weights");
                    IndexWeights weights = new IndexWeights(number(w, "vru_events"), number(w, "vru_volume"), number(w, "vru_speed"),
                            number(w, "vru_speed_std"), number(w, "vehicle_events"), number(w, "vehicle_volume"),
                            number(w, "vehicle_speed_std"), number(w, "vehicle_hard_braking"), number(w, "combined_vru"),
                            number(w, "combined_vehicle"));
                    return Optional.of(new NormalizationConstants(id, r.getTimestamp(2).toInstant(), r.getTimestamp(3).toInstant(),
                            until == null ? NormalizationConstants.OPEN_END : until.toInstant(), number(k, "vru_conflict_ref"),
                            number(k, "vehicle_conflict_ref"), number(k, "volume_ref"), number(k, "speed_ref"),
                            number(k, "speed_std_ref"), number(k, "hard_braking_ref"), weights));
                } catch (RuntimeException e) {
                    throw new IllegalStateException("normalization_constants row " + id + " is unusable: " + e.getMessage(), e);
                }
            }
        }
    }

    private static double number(JsonNode node, String key) {
        JsonNode value = node.required(key);
        if (!value.isNumber()) {
            throw new IllegalArgumentException(key + " is not a number: " + value);
        }
        return value.asDouble();
    }
}
