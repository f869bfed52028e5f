package org.trafficsafety.tools.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trafficsafety.message.VccEncoder;
import org.trafficsafety.simulation.SimulationConfig;
import org.trafficsafety.tools.simulate.SimulationFiles;
import picocli.CommandLine;

class AnalyzeCommandTest {

    @TempDir
    Path dir;

    @Test
    void shouldWriteTheReportsAndScoreAgainstAGroundTruthLog() throws IOException {
        SimulationFiles.Written sim = SimulationFiles.write(SimulationConfig.defaults().withSeed(2),
                Instant.parse("2026-11-24T07:00:00Z"), Instant.parse("2026-11-24T07:04:00Z"), new VccEncoder(),
                dir.resolve("sim.jsonl"), n -> { });
        Path out = dir.resolve("out");

        String stdout = run("analyze", sim.messages().toString(), "--out", out.toString(), "--truth", sim.truth().toString());

        assertThat(Files.list(out).map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                "conflicts.csv", "indices.csv", "conflicts.parquet", "indices.parquet", "summary.json");
        assertThat(stdout).contains("messages read      " + String.format("%,d", sim.messageCount()))
                .contains("against the ground truth in " + sim.truth())
                .containsPattern("overall +" + sim.conflictCount() + " ");
    }

    @Test
    void shouldExitOneWhenNothingCouldBeReadAndTwoOnBadArguments() throws IOException {
        Path garbage = dir.resolve("garbage.json");
        Files.writeString(garbage, "not json at all\n");

        assertThat(exit("analyze", garbage.toString(), "--out", dir.resolve("o1").toString())).isEqualTo(1);
        assertThat(Files.exists(dir.resolve("o1"))).isFalse();
        assertThat(exit("analyze", dir.resolve("missing.json").toString(), "--out", dir.resolve("o2").toString())).isEqualTo(2);
        assertThat(exit("analyze", garbage.toString(), "--format", "xml", "--out", dir.resolve("o3").toString())).isEqualTo(2);
    }

    private static String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            assertThat(new CommandLine(new org.trafficsafety.tools.Tsi()).execute(args)).isZero();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private static int exit(String... args) {
        PrintStream original = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            return new CommandLine(new org.trafficsafety.tools.Tsi()).execute(args);
        } finally {
            System.setOut(original);
        }
    }
}
