package org.trafficsafety.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trafficsafety.pipeline.spool.BatchCodec;
import org.trafficsafety.pipeline.spool.Spool;
import org.trafficsafety.pipeline.spool.SpoolEntry;
import org.trafficsafety.pipeline.spool.SpoolFullException;

/**
 * Runs one {@link Sink} on its own thread behind a bounded queue, so that a slow or failing sink never blocks the
 * caller or the other sinks. A batch that fails, or that finds the queue full, goes to the sink's durable
 * {@link Spool}; while the spool holds anything, new batches join it behind the older ones and the spool is
 * replayed in order with exponential backoff. On {@link #close} the queue is drained (written or spooled).
 *
 * @param <T> the batch type
 */
public final class IsolatedSink<T> implements AutoCloseable {

    /** How a submitted batch was accepted. */
    public enum Acceptance { WRITTEN, SPOOLED, QUARANTINED }

    private static final Logger log = LoggerFactory.getLogger(IsolatedSink.class);
    private static final long IDLE_POLL_NS = TimeUnit.MILLISECONDS.toNanos(200);

    private enum Outcome { WRITTEN, FAILED, REJECTED }

    private record Pending<T>(T batch, CompletableFuture<Acceptance> accepted) {
    }

    private final Sink<T> sink;
    private final BatchCodec<T> codec;
    private final Spool spool;
    private final SinkSettings settings;
    private final SinkMeters meters;
    private final BlockingQueue<Pending<T>> queue;
    private final Thread worker;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong replayed = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong quarantined = new AtomicLong();
    private volatile boolean closing;
    private volatile Pending<T> inFlight;
    private volatile boolean lastAttemptFailed;
    private volatile long lastSuccessAtMs;
    private volatile String lastError = "";

    public IsolatedSink(Sink<T> sink, BatchCodec<T> codec, Spool spool, SinkSettings settings, SinkMeters meters) {
        this.sink = sink;
        this.codec = codec;
        this.spool = spool;
        this.settings = settings;
        this.meters = meters;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.worker = Thread.ofPlatform().name("sink-" + sink.name()).daemon().unstarted(this::run);
    }

    public String name() {
        return sink.name();
    }

    /** Starts the sink's thread; batches a previous run spooled are replayed first. */
    public IsolatedSink<T> start() {
        worker.start();
        return this;
    }

    /**
     * Hands a batch over without blocking. The future completes when the batch is written or durably spooled,
     * and completes exceptionally with {@link SpoolFullException} when it had to be refused.
     */
    public CompletableFuture<Acceptance> submit(T batch) {
        Pending<T> pending = new Pending<>(batch, new CompletableFuture<>());
        if (closing || !queue.offer(pending)) {
            spoolPending(pending);
        }
        return pending.accepted();
    }

    public SinkStatus status() {
        int spooled = spool.depth();
        return new SinkStatus(sink.name(), !lastAttemptFailed && spooled == 0, queue.size(), spooled, spool.bytes(),
                spool.oldestAgeSeconds(), written.get(), replayed.get(), refused.get(), quarantined.get(),
                lastSuccessAtMs, lastError);
    }

    private void run() {
        long backoffNs = settings.initialBackoff().toNanos();
        long nextAttemptNs = System.nanoTime();
        try {
            while (true) {
                if (spool.depth() > 0) {
                    moveQueueToSpool();
                    if (closing) {
                        return; // the spool is replayed by the next start
                    }
                    long waitNs = nextAttemptNs - System.nanoTime();
                    if (waitNs > 0) {
                        Pending<T> pending = queue.poll(waitNs, TimeUnit.NANOSECONDS);
                        if (pending != null) {
                            spoolPending(pending);
                        }
                        continue;
                    }
                    if (replayOldest()) {
                        backoffNs = settings.initialBackoff().toNanos();
                    } else {
                        nextAttemptNs = System.nanoTime() + backoffNs;
                        backoffNs = Math.min(settings.maxBackoff().toNanos(), backoffNs * 2);
                    }
                } else {
                    Pending<T> pending = closing ? queue.poll() : queue.poll(IDLE_POLL_NS, TimeUnit.NANOSECONDS);
                    if (pending == null) {
                        if (closing) {
                            return;
                        }
                        continue;
                    }
                    inFlight = pending;
                    Outcome outcome = attempt(pending.batch(), false);
                    if (outcome == Outcome.WRITTEN) {
                        pending.accepted().complete(Acceptance.WRITTEN);
                    } else if (outcome == Outcome.REJECTED) {
                        setAside(pending);
                    } else if (!pending.accepted().isDone()) {
                        spoolPending(pending);
                        nextAttemptNs = System.nanoTime() + backoffNs;
                        backoffNs = Math.min(settings.maxBackoff().toNanos(), backoffNs * 2);
                    }
                    inFlight = null;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            lastError = "sink thread stopped: " + e;
            lastAttemptFailed = true;
            log.error("sink {}: its thread stopped; batches now go to the spool only", sink.name(), e);
        }
    }

    /** Writes a batch once. */
    private Outcome attempt(T batch, boolean fromSpool) {
        long start = System.nanoTime();
        try {
            sink.write(batch);
            meters.duration().record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            meters.success().increment();
            (fromSpool ? replayed : written).incrementAndGet();
            lastSuccessAtMs = System.currentTimeMillis();
            lastAttemptFailed = false;
            lastError = "";
            return Outcome.WRITTEN;
        } catch (RejectedBatchException e) {
            meters.duration().record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            meters.failure().increment();
            lastError = e.getMessage();
            log.error("sink {}: batch refused as invalid, quarantined: {}", sink.name(), e.getMessage());
            return Outcome.REJECTED;
        } catch (Exception e) {
            meters.duration().record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            meters.failure().increment();
            if (!lastAttemptFailed) {
                log.warn("sink {}: write failed, spooling and retrying with backoff: {}", sink.name(), e.toString());
            }
            lastAttemptFailed = true;
            lastError = e.toString();
            return Outcome.FAILED;
        }
    }

    /** Replays the oldest spooled batch; true on success (or when the entry was unusable and set aside). */
    private boolean replayOldest() throws IOException {
        Optional<SpoolEntry> oldest = spool.peekOldest();
        if (oldest.isEmpty()) {
            return true;
        }
        SpoolEntry entry = oldest.get();
        T batch;
        try {
            if (!entry.kind().equals(codec.kind())) {
                throw new IllegalArgumentException("spooled kind " + entry.kind() + ", this sink reads " + codec.kind());
            }
            batch = codec.decode(entry.payload());
        } catch (IllegalArgumentException e) {
            quarantine(entry.sequence(), e.getMessage());
            return true;
        }
        Outcome outcome = attempt(batch, true);
        if (outcome == Outcome.FAILED) {
            return false;
        }
        if (outcome == Outcome.REJECTED) {
            quarantine(entry.sequence(), lastError);
            return true;
        }
        spool.acknowledge(entry.sequence());
        if (spool.depth() == 0) {
            log.info("sink {}: spool drained, {} batches replayed so far", sink.name(), replayed.get());
        }
        return true;
    }

    private void quarantine(long sequence, String why) throws IOException {
        spool.quarantine(sequence);
        quarantined.incrementAndGet();
        log.error("sink {}: spooled batch {} quarantined: {}", sink.name(), sequence, why);
    }

    /** Keeps a refused batch for inspection in the spool's rejected/ folder. */
    private void setAside(Pending<T> pending) throws IOException {
        try {
            long sequence = spool.append(codec.kind(), codec.encode(pending.batch()));
            quarantine(sequence, lastError);
        } catch (SpoolFullException e) {
            log.error("sink {}: refused batch not kept: {}", sink.name(), e.getMessage());
        }
        pending.accepted().complete(Acceptance.QUARANTINED);
    }

    private void moveQueueToSpool() {
        List<Pending<T>> drained = new ArrayList<>();
        queue.drainTo(drained);
        drained.forEach(this::spoolPending);
    }

    private void spoolPending(Pending<T> pending) {
        try {
            spool.append(codec.kind(), codec.encode(pending.batch()));
            pending.accepted().complete(Acceptance.SPOOLED);
        } catch (SpoolFullException e) {
            refused.incrementAndGet();
            log.error("sink {}: batch lost: {}", sink.name(), e.getMessage());
            pending.accepted().completeExceptionally(e);
        } catch (IOException | RuntimeException e) {
            refused.incrementAndGet();
            log.error("sink {}: batch lost, the spool could not store it", sink.name(), e);
            pending.accepted().completeExceptionally(e);
        }
    }

    /**
     * Stops accepting, lets the thread drain the queue (writing, or spooling when the sink fails) for up to the
     * shutdown timeout, then spools whatever is still in memory, the batch in flight included (a later replay of
     * it is harmless: sinks are idempotent).
     */
    @Override
    public void close() {
        closing = true;
        try {
            worker.join(settings.shutdownTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            log.warn("sink {}: still busy after {}, spooling what is left", sink.name(), settings.shutdownTimeout());
            Pending<T> stuck = inFlight;
            if (stuck != null && !stuck.accepted().isDone()) {
                spoolPending(stuck);
            }
            moveQueueToSpool();
            worker.interrupt();
        }
    }
}
