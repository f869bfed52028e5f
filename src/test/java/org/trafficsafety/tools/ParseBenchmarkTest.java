package org.trafficsafety.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The benchmark's plumbing only (every generated BSM must decode); its figures live in docs/PERFORMANCE.md. */
class ParseBenchmarkTest {

    @Test
    void shouldDecodeEveryGeneratedBsmInBothDialectsAndReportBothRates() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new Tsi());
        cli.setOut(new PrintWriter(out));

        int exit = cli.execute("bench", "parse", "--messages", "2000", "--batch", "7", "--warmup", "0", "--rounds", "1");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("2,000 BSMs per round, 7 per document")
                .containsPattern("VCC: [\\d,]+ BSM/s per CPU-second")
                .containsPattern("ODE: [\\d,]+ BSM/s per CPU-second")
                .doesNotContain("benchmark input is wrong");
    }
}
