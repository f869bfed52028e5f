package org.trafficsafety.source.vcc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.trafficsafety.message.MessageDecoder;
import org.trafficsafety.message.MessageListener;
import org.trafficsafety.message.MessageType;
import org.trafficsafety.source.SourceStatus;

/**
 * VCC in stream mode: BSM and PSM arrive over two WebSockets ({@code ws/bsm}, {@code ws/psm}), each on its own
 * thread with its own reconnect loop; SPaT is polled every {@code collectionInterval} and MapData at start and
 * hourly, since VCC streams neither. Closing the source closes its {@link VccApiClient}.
 */
public final class VccStreamSource implements VccSource {

    private final VccApiClient api;
    private final MessageDecoder decoder;
    private final AtomicReference<String> lastError = new AtomicReference<>("");
    private final List<StreamChannel> channels = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private ScheduledExecutorService scheduler;
    private MessageGate gate;

    public VccStreamSource(VccApiClient api, MessageDecoder decoder) {
        this.api = api;
        this.decoder = decoder;
    }

    @Override
    public String name() {
        return "vcc-stream";
    }

    @Override
    public synchronized void start(MessageListener listener) {
        if (scheduler != null) {
            throw new IllegalStateException("vcc-stream already started");
        }
        VccSettings settings = api.settings();
        gate = new MessageGate(decoder, listener, api.counters(), api.clock(), settings.repeatWindow());
        for (MessageType type : List.of(MessageType.BSM, MessageType.PSM)) {
            Backoff backoff = api.backoff(settings.retryBaseDelay(), settings.reconnectMaxDelay());
            StreamChannel channel = new StreamChannel(type, api, gate, backoff, lastError);
            channels.add(channel);
            threads.add(Thread.ofPlatform().name("vcc-stream-" + type.key()).daemon().start(channel));
        }
        RestPoller poller = new RestPoller(api, gate, false, VccPollSource.authBackoff(api), lastError);
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("vcc-spat").daemon().factory());
        scheduler.scheduleAtFixedRate(poller::cycle, 0, settings.collectionInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public SourceStatus status() {
        return vccStatus().toSourceStatus(name());
    }

    /** Connected when both sockets are open. */
    @Override
    public VccStatus vccStatus() {
        boolean connected = !channels.isEmpty() && channels.stream().allMatch(StreamChannel::open);
        return VccStatus.of(VccMode.STREAM, connected, api, lastError.get());
    }

    @Override
    public synchronized void close() {
        channels.forEach(StreamChannel::stop);
        threads.forEach(Thread::interrupt);
        if (scheduler != null) {
            scheduler.shutdownNow();
            VccPollSource.awaitQuietly(scheduler, api.settings().readTimeout().plusSeconds(5));
        }
        for (Thread thread : threads) {
            try {
                thread.join(api.settings().readTimeout().plusSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (gate != null) {
            gate.close();
        }
        api.close();
    }
}
