package org.trafficsafety.source.vcc;

import java.util.ArrayList;
import java.util.List;
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

    private final VccSourceCore core;
    private final List<StreamChannel> channels = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    public VccStreamSource(VccApiClient api, MessageDecoder decoder) {
        this.core = new VccSourceCore("vcc-stream", api, decoder);
    }

    @Override
    public String name() {
        return "vcc-stream";
    }

    @Override
    public synchronized void start(MessageListener listener) {
        MessageGate gate = core.openGate(listener);
        VccApiClient api = core.api();
        VccSettings settings = api.settings();
        for (MessageType type : List.of(MessageType.BSM, MessageType.PSM)) {
            Backoff backoff = api.backoff(settings.retryBaseDelay(), settings.reconnectMaxDelay());
            StreamChannel channel = new StreamChannel(type, api, gate, backoff, core.lastError());
            channels.add(channel);
            threads.add(Thread.ofPlatform().name("vcc-stream-" + type.key()).daemon().start(channel));
        }
        core.startPolling(false, "vcc-spat");
    }

    @Override
    public SourceStatus status() {
        return vccStatus().toSourceStatus(name());
    }

    /** Connected when both sockets are open. */
    @Override
    public VccStatus vccStatus() {
        boolean connected = !channels.isEmpty() && channels.stream().allMatch(StreamChannel::open);
        return core.status(VccMode.STREAM, connected);
    }

    @Override
    public synchronized void close() {
        channels.forEach(StreamChannel::stop);
        threads.forEach(Thread::interrupt);
        core.stopPolling();
        for (Thread thread : threads) {
            try {
                thread.join(core.closeTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        core.close();
    }
}
