package org.trafficsafety.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trafficsafety.analysis.SafetyIndexRow;
import org.trafficsafety.message.Message;
import org.trafficsafety.store.db.StoredRows;
import org.trafficsafety.store.db.TestPostgres;

/** Kills a collector process (SIGKILL) with a spool full of batches, restarts: nothing lost, nothing doubled. */
class CollectorKillTest {

    @TempDir
    Path dir;

    @Test
    void shouldReplayTheSpoolOfAKilledCollectorExactlyOnce() throws Exception {
        Message[] hour = CollectorFixtures.simulatedHour();
        // the child is killed before end of input: only the minutes the analysis closed on its own exist
        CollectorFixtures.Expected expected = CollectorFixtures.expected(hour, hour.length, false);
        TestPostgres.Database db = TestPostgres.freshDatabase();

        TestPostgres.stopServer();
        String spooledLine;
        try {
            Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                    "-cp", System.getProperty("java.class.path"), CollectorKillChild.class.getName(),
                    db.jdbcUrl(), db.user(), db.password(), dir.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                // the child's log shares its stdout: skip to the line it prints when everything is spooled
                String line = out.readLine();
                while (line != null && !line.startsWith("SPOOLED ")) {
                    line = out.readLine();
                }
                spooledLine = line;
            } finally {
                child.destroyForcibly(); // SIGKILL: no shutdown hook, no drain
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            TestPostgres.startServer();
        }
        assertThat(spooledLine).startsWith("SPOOLED ").endsWith(" " + expected.rows().size());
        assertThat(StoredRows.count(db.dataSource(), "safety_indices_realtime")).isZero();

        // restart: the spool replays; then the same input is read once more (its position was never committed
        // past the spool) and must not double anything
        for (int run = 0; run < 2; run++) {
            ScriptedSource source = new ScriptedSource(run == 0 ? new Message[0] : hour);
            Collector collector = CollectorFixtures.collector(source, CollectorFixtures.settings(dir, false, false),
                    db.dataSource(), Optional.empty(), new PipelineMetrics(new SimpleMeterRegistry())).start();
            source.emitAll();
            collector.flushDatabase();
            await().atMost(Duration.ofSeconds(60)).until(() -> collector.status().sinks().stream()
                    .allMatch(s -> s.spooled() == 0 && s.queued() == 0));
            if (run == 0) {
                assertThat(collector.status().sinks().stream().filter(s -> s.name().equals("postgres-indices"))
                        .findFirst().orElseThrow().replayed()).isGreaterThanOrEqualTo(3);
            }
            collector.close();
        }

        List<SafetyIndexRow> rows = CollectorFixtures.expected(hour, hour.length, true).rows().stream()
                .sorted(Comparator.comparingLong(SafetyIndexRow::minuteStartMs).thenComparingInt(SafetyIndexRow::intersectionId))
                .toList();
        assertThat(StoredRows.indexRows(db.dataSource())).isEqualTo(rows);
    }
}
