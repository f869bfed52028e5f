package org.trafficsafety.source.vcc;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.trafficsafety.message.MessageDecoder;
import org.trafficsafety.message.MessageListener;

/**
 * The lifecycle both VCC sources share: the gate that decodes and drops repeats on the way to the listener, the
 * REST poller on its own daemon thread, the last error for the status, and closing all of it with the client.
 * Not thread-safe: the owning source synchronizes start and close.
 */
final class VccSourceCore {

    private final String name;
    private final VccApiClient api;
    private final MessageDecoder decoder;
    private final AtomicReference<String> lastError = new AtomicReference<>("");
    private ScheduledExecutorService scheduler;
    private MessageGate gate;

    VccSourceCore(String name, VccApiClient api, MessageDecoder decoder) {
        this.name = name;
        this.api = api;
        this.decoder = decoder;
    }

    VccApiClient api() {
        return api;
    }

    AtomicReference<String> lastError() {
        return lastError;
    }

    /** Checks the source was not started and opens the gate the messages pass through to the listener. */
    MessageGate openGate(MessageListener listener) {
        if (scheduler != null) {
            throw new IllegalStateException(name + " already started");
        }
        gate = new MessageGate(decoder, listener, api.counters(), api.clock(), api.settings().repeatWindow());
        return gate;
    }

    /** Polls REST every {@code collectionInterval} on one daemon thread, from now on; needs {@link #openGate}. */
    RestPoller startPolling(boolean snapshots, String threadName) {
        VccSettings settings = api.settings();
        Backoff authBackoff = api.backoff(settings.collectionInterval(), settings.reconnectMaxDelay());
        RestPoller poller = new RestPoller(api, gate, snapshots, authBackoff, lastError);
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(threadName).daemon().factory());
        scheduler.scheduleAtFixedRate(poller::cycle, 0, settings.collectionInterval().toMillis(), TimeUnit.MILLISECONDS);
        return poller;
    }

    VccStatus status(VccMode mode, boolean connected) {
        return VccStatus.of(mode, connected, api, lastError.get());
    }

    /** How long closing waits for a thread that may be inside a request. */
    Duration closeTimeout() {
        return api.settings().readTimeout().plusSeconds(5);
    }

    /** Stops the poller and waits for a cycle under way to end. */
    void stopPolling() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(closeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes the gate, when started, and the client. */
    void close() {
        if (gate != null) {
            gate.close();
        }
        api.close();
    }
}
