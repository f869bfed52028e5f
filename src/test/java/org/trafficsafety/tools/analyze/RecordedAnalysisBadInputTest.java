package org.trafficsafety.tools.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trafficsafety.analysis.AnalysisSettings;
import org.trafficsafety.analysis.Intersection;
import org.trafficsafety.analysis.index.NormalizationConstants;
import org.trafficsafety.message.Bsm;
import org.trafficsafety.message.MessageDecoders;
import org.trafficsafety.message.VccEncoder;

class RecordedAnalysisBadInputTest {

    private static final Intersection SITE = Intersection.seeded().get(0);
    private static final long T0 = 1_795_000_000_000L - 1_795_000_000_000L % 60_000L;

    @TempDir
    Path dir;

    @Test
    void shouldReportEachBadLineWithFileAndLineAndAnalyzeTheRest() throws IOException {
        VccEncoder vcc = new VccEncoder();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            lines.add(vcc.encode(bsm(100 + i % 4, i, T0 + i * 500L, SITE.latitude())));
        }
        lines.set(3, "this is not json");                                   // line 4
        lines.set(7, "{\"timestamp\": 1, \"someOtherMessage\": {\"x\": 1}}");  // line 8: no known message
        lines.set(11, vcc.encode(bsm(200, 1, T0 + 5_500, 91.5)));           // line 12: latitude 91.5
        String text = String.join("\n", lines) + "\n" + lines.get(0).substring(0, 40); // line 21: truncated
        Path file = dir.resolve("capture.jsonl");
        Files.writeString(file, text);

        RecordedAnalysis.Result result = analysis().analyze(List.of(file), MessageDecoders.auto(), n -> { });

        assertThat(result.summary().accepted()).isEqualTo(17);
        assertThat(result.summary().toJson()).containsEntry("vehicles", 4L).containsEntry("vulnerable_road_users", 0L);
        assertThat(result.summary().rejections())
                .extracting(RunSummary.Rejection::line, RunSummary.Rejection::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(4L, "malformed"),
                        org.assertj.core.groups.Tuple.tuple(8L, "unknown_type"),
                        org.assertj.core.groups.Tuple.tuple(12L, "out_of_range"),
                        org.assertj.core.groups.Tuple.tuple(21L, "malformed"));
        assertThat(result.summary().rejections()).allSatisfy(r -> assertThat(r.file()).isEqualTo(file.toString()));
        // the 17 good messages were analyzed: 4 vehicles in the zone of the first seeded intersection
        assertThat(result.rows()).isNotEmpty();
        assertThat(result.rows().get(0).features().trafficVolume()).isEqualTo(4);
    }

    @Test
    void shouldCountAMessageRelayedIntoTwoFilesOnce() throws IOException {
        VccEncoder vcc = new VccEncoder();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add(vcc.encode(bsm(100 + i % 2, i, T0 + i * 500L, SITE.latitude())));
        }
        Files.write(dir.resolve("rsu-a.jsonl"), lines);
        Files.write(dir.resolve("rsu-b.jsonl"), lines.subList(0, 6));

        RecordedAnalysis.Result result = analysis().analyze(List.of(dir.resolve("rsu-a.jsonl"), dir.resolve("rsu-b.jsonl")),
                MessageDecoders.auto(), n -> { });

        assertThat(result.summary().accepted()).isEqualTo(10);
        assertThat(result.summary().toJson().get("rejected_by_reason")).isEqualTo(java.util.Map.of("duplicate", 6L));
        assertThat(result.summary().rejections()).isEmpty();
    }

    @Test
    void shouldReadNothingFromAFileOfGarbage() throws IOException {
        Path file = dir.resolve("garbage.json");
        Files.writeString(file, "{not json\n");

        RecordedAnalysis.Result result = analysis().analyze(List.of(file), MessageDecoders.auto(), n -> { });

        assertThat(result.summary().accepted()).isZero();
        assertThat(result.summary().rejected()).isEqualTo(1);
    }

    private static RecordedAnalysis analysis() {
        return new RecordedAnalysis(Intersection.seeded(), AnalysisSettings.defaults(), NormalizationConstants.defaults());
    }

    private static Bsm bsm(long id, int msgCnt, long t, double lat) {
        return new Bsm(id, msgCnt, (int) (t % 60_000), t, t + 20, lat, SITE.longitude() + id * 1e-5, Double.NaN, 8.0,
                90.0, Double.NaN, Double.NaN, Double.NaN, 0, 4.8, 1.9, "test");
    }
}
