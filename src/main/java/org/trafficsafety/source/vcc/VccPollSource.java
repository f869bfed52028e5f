package org.trafficsafety.source.vcc;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.trafficsafety.message.MessageDecoder;
import org.trafficsafety.message.MessageListener;
import org.trafficsafety.source.SourceStatus;

/**
 * VCC in poll mode: every {@code collectionInterval} one thread GETs the BSM and PSM "current" snapshots and the
 * SPaT list, and MapData at start and hourly. Messages still present in the next snapshot are dropped as
 * repeats. Closing the source closes its {@link VccApiClient}.
 */
public final class VccPollSource implements VccSource {

    private final VccApiClient api;
    private final MessageDecoder decoder;
    private final AtomicReference<String> lastError = new AtomicReference<>("");
    private ScheduledExecutorService scheduler;
    private MessageGate gate;
    private RestPoller poller;

    public VccPollSource(VccApiClient api, MessageDecoder decoder) {
        this.api = api;
        this.decoder = decoder;
    }

    @Override
    public String name() {
        return "vcc-poll";
    }

    @Override
    public synchronized void start(MessageListener listener) {
        if (scheduler != null) {
            throw new IllegalStateException("vcc-poll already started");
        }
        VccSettings settings = api.settings();
        gate = new MessageGate(decoder, listener, api.counters(), api.clock(), settings.repeatWindow());
        poller = new RestPoller(api, gate, true, authBackoff(api), lastError);
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("vcc-poll").daemon().factory());
        scheduler.scheduleAtFixedRate(poller::cycle, 0, settings.collectionInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public SourceStatus status() {
        return vccStatus().toSourceStatus(name());
    }

    @Override
    public VccStatus vccStatus() {
        RestPoller current = poller;
        return VccStatus.of(VccMode.POLL, current != null && current.healthy(), api, lastError.get());
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            awaitQuietly(scheduler, api.settings().readTimeout().plusSeconds(5));
            gate.close();
        }
        api.close();
    }

    static Backoff authBackoff(VccApiClient api) {
        VccSettings settings = api.settings();
        return api.backoff(settings.collectionInterval(), settings.reconnectMaxDelay());
    }

    static void awaitQuietly(ScheduledExecutorService executor, Duration timeout) {
        try {
            executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
