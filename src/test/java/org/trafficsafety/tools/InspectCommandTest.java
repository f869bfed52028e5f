package org.trafficsafety.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class InspectCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new Tsi());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private Path copy(String resource, String name, boolean gzip) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/messages/" + resource);
             OutputStream raw = Files.newOutputStream(target);
             OutputStream o = gzip ? new GZIPOutputStream(raw) : raw) {
            in.transferTo(o);
        }
        return target;
    }

    @Test
    void shouldCountMessagesAndRejectionsPerFileAndInTotal() throws IOException {
        Path vcc = copy("vcc/bsm-frame.json", "frame.json", false);
        Path ode = copy("ode/mixed.jsonl", "mixed.jsonl.gz", true);

        int exit = run("inspect", vcc.toString(), ode.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).contains(
                vcc + " (vcc): 3 documents, 2 messages, 1 rejected",
                "  messages: bsm 2",
                "  rejected: bsm/out_of_range 1",
                // mixed.jsonl: v8 BSM, a line of text, TravelerInformation, BSM at latitude 95, a cut-off PSM
                ode + " (ode): 5 documents (1 truncated), 1 messages, 4 rejected",
                "  rejected: bsm/out_of_range 1, unknown/malformed 2, unknown/unknown_type 1",
                "total: 8 documents (1 truncated), 3 messages, 5 rejected");
    }

    @Test
    void shouldPrintNormalizedMessagesAsJsonLinesWithTheSummaryOnStderr() throws IOException {
        Path ode = copy("ode/bsm.json", "bsm.json", false);

        int exit = run("inspect", "--json", "--format", "ode", ode.toString());

        assertThat(exit).isZero();
        assertThat(out.toString().lines()).hasSize(2).allMatch(l -> l.startsWith("{\"type\":\"bsm\""));
        assertThat(out.toString()).contains("\"id\":2712847316").contains("\"accelLatMps2\":null");
        assertThat(err.toString()).contains("(ode): 2 documents, 2 messages, 0 rejected");
    }

    @Test
    void shouldReadEverythingAsMalformedWhenForcedToTheWrongDialect() throws IOException {
        Path ode = copy("ode/psm.json", "psm.json", false);

        run("inspect", "--format", "vcc", ode.toString());

        assertThat(out.toString()).contains("(vcc): 2 documents, 0 messages, 2 rejected", "unknown/malformed 2");
    }

    @Test
    void shouldFailForAMissingFile() {
        int exit = run("inspect", dir.resolve("absent.json").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("absent.json: cannot read");
    }
}
