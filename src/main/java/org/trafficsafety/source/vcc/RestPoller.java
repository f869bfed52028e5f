package org.trafficsafety.source.vcc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.trafficsafety.message.MessageType;

/**
 * One REST collection cycle, run every {@code collectionInterval} on the source's scheduler thread: MapData at
 * each cycle until some arrives and then every {@code mapDataInterval}, the BSM and PSM "current" snapshots (poll
 * mode only),
 * and SPaT. After refused credentials it skips cycles for a growing, jittered delay instead of hammering VCC.
 */
final class RestPoller {

    static final String MAPDATA_PATH = "/api/mapdata/decoded";
    static final String SPAT_PATH = "/api/spat?format=JSON_COMPLETE";

    private final VccApiClient api;
    private final MessageGate gate;
    private final boolean snapshots;
    private final Backoff authBackoff;
    private final AtomicReference<String> lastError;
    private long lastMapDataAtMs = Long.MIN_VALUE;
    private long authRetryAtMs = Long.MIN_VALUE;
    private int authFailures;
    private volatile boolean healthy;

    RestPoller(VccApiClient api, MessageGate gate, boolean snapshots, Backoff authBackoff,
            AtomicReference<String> lastError) {
        this.api = api;
        this.gate = gate;
        this.snapshots = snapshots;
        this.authBackoff = authBackoff;
        this.lastError = lastError;
    }

    /** Whether every request of the last cycle succeeded. */
    boolean healthy() {
        return healthy;
    }

    void cycle() {
        long now = api.clock().millis();
        if (now < authRetryAtMs) {
            return;
        }
        boolean allOk = true;
        for (String path : duePaths(now)) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            try {
                long delivered = gate.deliver(api.get(path));
                if (MAPDATA_PATH.equals(path) && delivered > 0) {
                    lastMapDataAtMs = now;
                }
            } catch (VccAuthenticationException e) {
                authFailures++;
                long waitMs = authBackoff.delay(authFailures - 1).toMillis();
                authRetryAtMs = api.clock().millis() + waitMs;
                lastError.set(e.getMessage() + "; attempt " + authFailures + ", next in " + waitMs + " ms");
                healthy = false;
                return;
            } catch (RuntimeException e) {
                allOk = false;
                if (!Thread.currentThread().isInterrupted()) {
                    lastError.set(e.getMessage());
                }
            }
        }
        authFailures = 0;
        healthy = allOk;
    }

    private List<String> duePaths(long now) {
        List<String> paths = new ArrayList<>(4);
        if (lastMapDataAtMs == Long.MIN_VALUE
                || now - lastMapDataAtMs >= api.settings().mapDataInterval().toMillis()) {
            paths.add(MAPDATA_PATH);
        }
        if (snapshots) {
            paths.add(currentPath(MessageType.BSM));
            paths.add(currentPath(MessageType.PSM));
        }
        paths.add(SPAT_PATH);
        return paths;
    }

    static String currentPath(MessageType type) {
        return "/api/" + type.key() + "/current";
    }
}
