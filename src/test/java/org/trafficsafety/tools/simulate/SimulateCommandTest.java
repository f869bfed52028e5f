package org.trafficsafety.tools.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimulateCommandTest {

    @TempDir
    Path dir;

    @Test
    void shouldWriteMessagesAndTheGroundTruthLog() throws IOException {
        Path out = dir.resolve("two-minutes.ode.jsonl");

        int exit = run("--from", "2026-11-24T07:00:00Z", "--to", "2026-11-24T07:02:00Z", "--format", "ode", "--out", out.toString());

        assertThat(exit).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSizeGreaterThan(1_000).allSatisfy(l -> assertThat(l).startsWith("{\"metadata\""));
        assertThat(Files.readAllLines(SimulationFiles.truthFile(out)).get(0)).isEqualTo(GroundTruthCsv.HEADER);
    }

    @Test
    void shouldRefuseAmbiguousOrMissingRanges() {
        String out = dir.resolve("x.jsonl").toString();

        assertThat(run("--out", out)).isEqualTo(2);
        assertThat(run("--days", "7", "--from", "2026-11-24", "--to", "2026-11-25", "--out", out)).isEqualTo(2);
        assertThat(run("--from", "2026-11-25", "--to", "2026-11-24", "--out", out)).isEqualTo(2);
        assertThat(run("--from", "yesterday", "--to", "2026-11-24", "--out", out)).isEqualTo(2);
        assertThat(run("--from", "2026-11-24", "--to", "2026-11-25", "--format", "xml", "--out", out)).isEqualTo(2);
        assertThat(Files.exists(Path.of(out))).isFalse();
    }

    private static int run(String... args) {
        CommandLine command = new CommandLine(new SimulateCommand());
        command.setErr(new PrintWriter(new StringWriter()));
        return command.execute(args);
    }
}
