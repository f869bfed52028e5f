package org.trafficsafety.source.vcc;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.trafficsafety.message.MessageType;
import org.trafficsafety.source.SourceStatus;

/**
 * What {@code GET /api/v1/vcc/status} shows about the VCC client.
 *
 * @param mode             poll or stream
 * @param connected        poll: the last request cycle succeeded; stream: both sockets are open
 * @param tokenExpiresAtMs expiry of the current access token, epoch ms, 0 before the first token
 * @param lastMessageAtMs  per message type, when its last message was delivered, epoch ms (absent = none yet)
 * @param lastError        the most recent failure, "" if none since start
 * @param counters         totals since start
 */
public record VccStatus(VccMode mode, boolean connected, long tokenExpiresAtMs, Map<MessageType, Long> lastMessageAtMs,
        String lastError, Counters counters) {

    public VccStatus {
        lastMessageAtMs = Map.copyOf(lastMessageAtMs);
        lastError = lastError == null ? "" : lastError;
    }

    /**
     * @param requests       HTTP requests sent (auth, REST, keys), retries included
     * @param retries        requests repeated after a 5xx or 429 answer or an I/O error
     * @param unauthorized   401 answers to API requests (each triggers one token renewal and retry)
     * @param tokenRenewals  tokens fetched after the first (before expiry or after a 401)
     * @param reconnects     WebSocket connections opened after the first one of their channel
     * @param messages       messages delivered to the listener
     * @param rejected       messages the decoder rejected (counted by reason downstream)
     * @param repeatsDropped exact repeats dropped (server replays after a reconnect, unchanged REST snapshots)
     * @param keepAlives     empty-array frames received
     * @param silentSockets  sockets closed by us after no frame for {@code silentSocketTimeout}
     */
    public record Counters(long requests, long retries, long unauthorized, long tokenRenewals, long reconnects,
            long messages, long rejected, long repeatsDropped, long keepAlives, long silentSockets) {

        Map<String, Long> asMap() {
            Map<String, Long> map = new LinkedHashMap<>();
            map.put("requests", requests);
            map.put("retries", retries);
            map.put("unauthorized", unauthorized);
            map.put("token_renewals", tokenRenewals);
            map.put("reconnects", reconnects);
            map.put("messages", messages);
            map.put("rejected", rejected);
            map.put("repeats_dropped", repeatsDropped);
            map.put("keep_alives", keepAlives);
            map.put("silent_sockets", silentSockets);
            return map;
        }
    }

    /** The generic form for /health. */
    public SourceStatus toSourceStatus(String name) {
        long last = lastMessageAtMs.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return new SourceStatus(name, connected, last, lastError, counters.asMap());
    }

    static VccStatus of(VccMode mode, boolean connected, VccApiClient api, String lastError) {
        VccCounters live = api.counters();
        Map<MessageType, Long> last = new EnumMap<>(MessageType.class);
        for (MessageType type : MessageType.values()) {
            long at = live.lastMessageAtMs(type);
            if (at != 0) {
                last.put(type, at);
            }
        }
        long expiry = api.tokenExpiresAt().map(i -> i.toEpochMilli()).orElse(0L);
        return new VccStatus(mode, connected, expiry, last, lastError, live.snapshot());
    }
}
