package org.trafficsafety.simulation;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.trafficsafety.message.Message;
import org.trafficsafety.message.MessageListener;
import org.trafficsafety.source.MessageSource;
import org.trafficsafety.source.SourceStatus;

/**
 * The simulator as a live {@link MessageSource}: simulated event time advances with the injected clock, {@code speed}
 * times as fast (1 = real time, 60 = an hour a minute), starting at {@code simulatedStart} (or the clock's now).
 * Messages are pushed from one daemon thread, which polls the clock every {@code pollMs}; ground-truth conflicts go
 * to an optional consumer. Same config and start give the same messages whatever the speed.
 */
public final class SimulatorSource implements MessageSource {

    private final TrafficSimulator simulator;
    private final InstantSource clock;
    private final double speed;
    private final Instant simulatedStart;
    private final long pollMs;
    private final Consumer<GroundTruthConflict> groundTruth;
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong conflicts = new AtomicLong();
    private final AtomicLong listenerErrors = new AtomicLong();
    private volatile long lastMessageAtMs;
    private volatile long simulatedNowMs;
    private volatile String lastError = "";
    private volatile boolean running;
    private Thread thread;

    /**
     * @param simulatedStart where simulated time starts; null = the clock's now at {@link #start}
     * @param speed          simulated seconds per clock second, > 0
     * @param pollMs         how often the thread looks at the clock (e.g. 100)
     * @param groundTruth    receives ground-truth conflicts; may be null
     */
    public SimulatorSource(TrafficSimulator simulator, InstantSource clock, double speed, Instant simulatedStart, long pollMs,
                           Consumer<GroundTruthConflict> groundTruth) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!(speed > 0 && speed <= 10_000)) {
            throw new IllegalArgumentException("speed must be in (0, 10000], was " + speed);
        }
        if (pollMs < 1 || pollMs > 10_000) {
            throw new IllegalArgumentException("pollMs must be in [1, 10000], was " + pollMs);
        }
        this.speed = speed;
        this.simulatedStart = simulatedStart;
        this.pollMs = pollMs;
        this.groundTruth = groundTruth == null ? c -> { } : groundTruth;
    }

    /** Real time from the system clock, ground truth discarded. */
    public SimulatorSource(SimulationConfig config) {
        this(new TrafficSimulator(config), InstantSource.system(), 1.0, null, 100, null);
    }

    @Override
    public String name() {
        return "simulator";
    }

    @Override
    public synchronized void start(MessageListener listener) {
        if (thread != null) {
            throw new IllegalStateException("simulator source already started");
        }
        Objects.requireNonNull(listener, "listener");
        long wallStart = clock.millis();
        Instant simStart = simulatedStart != null ? simulatedStart : Instant.ofEpochMilli(wallStart);
        running = true;
        thread = new Thread(() -> loop(listener, wallStart, simStart), "simulator-source");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop(MessageListener listener, long wallStart, Instant simStart) {
        SimulationRun run = simulator.start(simStart);
        SimulationListener out = new SimulationListener() {
            @Override
            public void onMessage(Message message) {
                try {
                    listener.onMessage(message);
                    messages.incrementAndGet();
                    lastMessageAtMs = message.receivedAtMs();
                } catch (RuntimeException e) {
                    listenerErrors.incrementAndGet();
                    lastError = "listener failed: " + e;
                }
            }

            @Override
            public void onGroundTruth(GroundTruthConflict conflict) {
                conflicts.incrementAndGet();
                groundTruth.accept(conflict);
            }
        };
        long startMs = run.nowMs();
        while (running) {
            long target = startMs + (long) ((clock.millis() - wallStart) * speed);
            run.advanceTo(target, out);
            simulatedNowMs = run.nowMs();
            try {
                Thread.sleep(pollMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Simulated event time reached so far, epoch ms (0 before the first step). */
    public long simulatedNowMs() {
        return simulatedNowMs;
    }

    @Override
    public SourceStatus status() {
        return new SourceStatus(name(), running, lastMessageAtMs, lastError,
                Map.of("messages", messages.get(), "ground_truth_conflicts", conflicts.get(), "listener_errors", listenerErrors.get()));
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
