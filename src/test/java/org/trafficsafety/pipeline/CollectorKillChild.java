package org.trafficsafety.pipeline;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.Optional;
import org.trafficsafety.message.Message;

/**
 * The collector process that {@link CollectorKillTest} kills: ingests the fixed hour while PostgreSQL is down, so
 * that every batch lands in the spool, says so on stdout, and waits to be killed. Args: jdbcUrl user password dir.
 */
public final class CollectorKillChild {

    private CollectorKillChild() {
    }

    public static void main(String[] args) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setUsername(args[1]);
        config.setPassword(args[2]);
        config.setConnectionTimeout(1_000);
        config.setInitializationFailTimeout(-1);
        HikariDataSource dataSource = new HikariDataSource(config);
        Message[] hour = CollectorFixtures.simulatedHour();
        ScriptedSource source = new ScriptedSource(hour);
        Collector collector = CollectorFixtures.collector(source, CollectorFixtures.settings(Path.of(args[3]), false, false),
                dataSource, Optional.empty(), new PipelineMetrics(new SimpleMeterRegistry())).start();
        for (int part = 1; part <= 3; part++) {
            source.emitUpTo(part * hour.length / 3);
            collector.flushDatabase();
        }
        while (true) {
            CollectorStatus status = collector.status();
            SinkStatus indices = status.sinks().stream().filter(s -> s.name().equals("postgres-indices")).findFirst().orElseThrow();
            if (indices.queued() == 0 && indices.spooled() >= 3 && status.acceptedThroughMs() > 0) {
                System.out.println("SPOOLED " + indices.spooled() + " " + status.minutesClosed());
                System.out.flush();
                break;
            }
            Thread.sleep(50);
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
