package org.trafficsafety.tools.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trafficsafety.analysis.AnalysisSettings;
import org.trafficsafety.analysis.Intersection;
import org.trafficsafety.analysis.index.NormalizationConstants;
import org.trafficsafety.message.MessageDecoders;
import org.trafficsafety.message.OdeEncoder;
import org.trafficsafety.message.VccEncoder;
import org.trafficsafety.simulation.SimulationConfig;
import org.trafficsafety.tools.simulate.SimulationFiles;

/** The same simulated traffic in different renderings must give byte-identical reports. */
class RecordedAnalysisRenderingsTest {

    private static final Instant FROM = Instant.parse("2026-11-24T07:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-24T07:06:00Z");

    @TempDir
    static Path dir;

    private static Path vccReports;

    @BeforeAll
    static void analyzeTheVccRendering() throws IOException {
        SimulationFiles.write(config(), FROM, TO, new VccEncoder(), dir.resolve("sim.vcc.jsonl"), n -> { });
        vccReports = analyze(List.of(dir.resolve("sim.vcc.jsonl")), "vcc-out");
    }

    @Test
    void shouldFindConflictsAndRowsInTheSimulatedTraffic() throws IOException {
        List<String> rows = Files.readAllLines(vccReports.resolve("indices.csv"));
        // 4 intersections × 6 minutes, each minute with traffic, plus the header
        assertThat(rows).hasSize(1 + 4 * 6);
        assertThat(rows.get(0)).startsWith("timestamp,intersection_id,traffic_volume");
        assertThat(Files.readAllLines(vccReports.resolve("conflicts.csv")).get(0)).startsWith("start_time,end_time");
    }

    @Test
    void shouldGiveIdenticalOutputForTheOdeRenderingGzipped() throws IOException {
        SimulationFiles.write(config(), FROM, TO, new OdeEncoder(), dir.resolve("sim.ode.jsonl.gz"), n -> { });

        assertSameReports(analyze(List.of(dir.resolve("sim.ode.jsonl.gz")), "ode-out"));
    }

    @Test
    void shouldGiveIdenticalOutputForInputShuffledWithinTheBound() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("sim.vcc.jsonl"));
        Random random = new Random(7);
        List<String> shuffled = new ArrayList<>();
        // ~320 messages a second: blocks of 3,000 lines span about 10 s, well inside the 120 s bound
        for (int i = 0; i < lines.size(); i += 3_000) {
            List<String> block = new ArrayList<>(lines.subList(i, Math.min(lines.size(), i + 3_000)));
            Collections.shuffle(block, random);
            shuffled.addAll(block);
        }
        assertThat(shuffled).isNotEqualTo(lines);
        Path file = dir.resolve("shuffled.vcc.jsonl");
        Files.write(file, shuffled, StandardCharsets.UTF_8);

        assertSameReports(analyze(List.of(file), "shuffled-out"));
    }

    @Test
    void shouldGiveIdenticalOutputWhenTheInputIsSplitIntoSeveralFiles() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("sim.vcc.jsonl"));
        List<String> even = new ArrayList<>();
        List<String> odd = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            (i % 2 == 0 ? even : odd).add(lines.get(i));
        }
        Files.write(dir.resolve("part-1.jsonl"), even, StandardCharsets.UTF_8);
        Files.write(dir.resolve("part-2.jsonl"), odd, StandardCharsets.UTF_8);

        assertSameReports(analyze(List.of(dir.resolve("part-1.jsonl"), dir.resolve("part-2.jsonl")), "split-out"));
    }

    @Test
    void shouldGiveByteIdenticalOutputOnASecondRun() throws IOException {
        assertSameReports(analyze(List.of(dir.resolve("sim.vcc.jsonl")), "again-out"));
    }

    private static void assertSameReports(Path other) throws IOException {
        for (String name : List.of("conflicts.csv", "indices.csv", "summary.json", "conflicts.parquet", "indices.parquet")) {
            assertThat(Files.mismatch(vccReports.resolve(name), other.resolve(name)))
                    .as("first differing byte of %s", name).isEqualTo(-1L);
        }
    }

    private static Path analyze(List<Path> files, String outName) throws IOException {
        RecordedAnalysis analysis = new RecordedAnalysis(Intersection.seeded(), AnalysisSettings.defaults(),
                NormalizationConstants.defaults());
        Path out = dir.resolve(outName);
        analysis.write(analysis.analyze(files, MessageDecoders.auto(), n -> { }), out);
        return out;
    }

    private static SimulationConfig config() {
        return SimulationConfig.defaults().withSeed(11);
    }
}
