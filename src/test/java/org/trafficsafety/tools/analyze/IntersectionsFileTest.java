package org.trafficsafety.tools.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trafficsafety.analysis.AnalysisSettings;
import org.trafficsafety.analysis.Intersection;
import org.trafficsafety.analysis.geometry.LocalFrame;
import org.trafficsafety.analysis.index.NormalizationConstants;
import org.trafficsafety.message.Bsm;
import org.trafficsafety.message.MessageDecoders;
import org.trafficsafety.message.VccEncoder;

class IntersectionsFileTest {

    private static final double LAT = 40.0;
    private static final double LON = -105.0;

    @TempDir
    Path dir;

    @Test
    void shouldReadCsvWithAndWithoutRadius() throws IOException {
        Path csv = dir.resolve("sites.csv");
        Files.writeString(csv, "id,name,lat,lon,radius_m\n7,Main & 1st,40.1,-105.2,80\n8,Main & 2nd,40.2,-105.3,\n");

        assertThat(IntersectionsFile.read(csv)).containsExactly(
                new Intersection(7, "Main & 1st", 40.1, -105.2, 80),
                new Intersection(8, "Main & 2nd", 40.2, -105.3, Intersection.DEFAULT_ZONE_RADIUS_M));
    }

    @Test
    void shouldNameTheLineOfABadCsvRow() throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "id,name,lat,lon\n7,Main & 1st,40.1,-105.2\n8,Main & 2nd,north,-105.3\n");

        assertThatThrownBy(() -> IntersectionsFile.read(csv)).hasMessageStartingWith(csv + ":3:");
    }

    @Test
    void shouldUseAGeoJsonPolygonAsTheZoneInsteadOfTheDisc() throws IOException {
        // a strip 200 m east-west by 20 m north-south around the reference point
        LocalFrame frame = new LocalFrame(LAT, LON);
        double w = frame.longitude(100) - LON;
        double h = frame.latitude(10) - LAT;
        Path geojson = dir.resolve("sites.geojson");
        Files.writeString(geojson, """
                {"type": "FeatureCollection", "features": [{"type": "Feature",
                  "properties": {"id": 42, "name": "Strip", "lat": %s, "lon": %s},
                  "geometry": {"type": "Polygon", "coordinates": [[[%s, %s], [%s, %s], [%s, %s], [%s, %s], [%s, %s]]]}}]}
                """.formatted(LAT, LON, LON - w, LAT - h, LON + w, LAT - h, LON + w, LAT + h, LON - w, LAT + h, LON - w, LAT - h));
        List<Intersection> sites = IntersectionsFile.read(geojson);
        assertThat(sites).hasSize(1);
        assertThat(sites.get(0).zonePolygon()).hasSize(4);
        assertThat(sites.get(0).zoneRadiusM()).isCloseTo(Math.hypot(100, 10), org.assertj.core.data.Offset.offset(0.01));

        // vehicle 1 at 60 m east: inside the strip; vehicle 2 at 40 m north: inside any 100 m disc, outside the strip
        VccEncoder vcc = new VccEncoder();
        long t0 = 1_795_000_020_000L - 1_795_000_020_000L % 60_000L;
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            long t = t0 + i * 500L;
            lines.append(vcc.encode(bsm(1, i, t, LAT, frame.longitude(60)))).append('\n');
            lines.append(vcc.encode(bsm(2, i, t, frame.latitude(40), LON))).append('\n');
        }
        Path file = dir.resolve("two.jsonl");
        Files.writeString(file, lines);

        RecordedAnalysis.Result result = new RecordedAnalysis(sites, AnalysisSettings.defaults(),
                NormalizationConstants.defaults()).analyze(List.of(file), MessageDecoders.auto(), n -> { });

        assertThat(result.rows()).singleElement().satisfies(r -> {
            assertThat(r.intersectionId()).isEqualTo(42);
            assertThat(r.features().trafficVolume()).isEqualTo(1);
        });
    }

    private static Bsm bsm(long id, int msgCnt, long t, double lat, double lon) {
        return new Bsm(id, msgCnt, (int) (t % 60_000), t, t + 20, lat, lon, Double.NaN, 5.0, 90.0, Double.NaN,
                Double.NaN, Double.NaN, 0, 4.8, 1.9, "test");
    }
}
