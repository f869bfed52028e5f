package org.trafficsafety.source.vcc;

import org.trafficsafety.message.MessageDecoder;
import org.trafficsafety.message.MessageListener;
import org.trafficsafety.source.SourceStatus;

/**
 * VCC in poll mode: every {@code collectionInterval} one thread GETs the BSM and PSM "current" snapshots and the
 * SPaT list, and MapData at start and hourly. Messages still present in the next snapshot are dropped as
 * repeats. Closing the source closes its {@link VccApiClient}.
 */
public final class VccPollSource implements VccSource {

    private final VccSourceCore core;
    private RestPoller poller;

    public VccPollSource(VccApiClient api, MessageDecoder decoder) {
        this.core = new VccSourceCore("vcc-poll", api, decoder);
    }

    @Override
    public String name() {
        return "vcc-poll";
    }

    @Override
    public synchronized void start(MessageListener listener) {
        core.openGate(listener);
        poller = core.startPolling(true, "vcc-poll");
    }

    @Override
    public SourceStatus status() {
        return vccStatus().toSourceStatus(name());
    }

    @Override
    public VccStatus vccStatus() {
        RestPoller current = poller;
        return core.status(VccMode.POLL, current != null && current.healthy());
    }

    @Override
    public synchronized void close() {
        core.stopPolling();
        core.close();
    }
}
