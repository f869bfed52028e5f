package org.trafficsafety.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the collector after everything else (the database is migrated, the web server up) and stops it — the
 * final flush included — in an early shutdown phase, while the connection pool still works: Spring Boot's Hikari
 * lifecycle evicts the pool's connections at phase 0, before any bean is destroyed.
 */
final class CollectorLifecycle implements SmartLifecycle {

    /** Above phase 0 (stopped first), below the web server's graceful shutdown (stopped after it). */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final Collector collector;
    private volatile boolean running;

    CollectorLifecycle(Collector collector) {
        this.collector = collector;
    }

    @Override
    public void start() {
        collector.start();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        try {
            collector.close();
        } catch (IOException e) {
            throw new UncheckedIOException("collector shutdown: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
