package org.trafficsafety.source;

import java.util.Map;

/**
 * What a source reports about itself (for /health and GET /api/v1/vcc/status).
 *
 * @param connected       whether the source is currently receiving
 * @param lastMessageAtMs receipt time of the last message, epoch ms, 0 if none yet
 * @param lastError       the last error text, "" if none
 * @param counters        named counters (messages, reconnects, token renewals, ...)
 */
public record SourceStatus(String name, boolean connected, long lastMessageAtMs, String lastError, Map<String, Long> counters) {
    public SourceStatus {
        lastError = lastError == null ? "" : lastError;
        counters = Map.copyOf(counters);
    }
}
