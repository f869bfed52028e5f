package org.trafficsafety.pipeline;

import java.util.List;
import org.trafficsafety.source.SourceStatus;

/**
 * What /health and GET /api/v1/collector/status show about the collector.
 *
 * @param running           started and not closed
 * @param healthy           running, and every sink healthy (nothing waiting in a spool)
 * @param received          messages accepted from the source
 * @param rejected          messages the source's decoder rejected
 * @param late              messages that came after their minute closed
 * @param minutesClosed     index rows produced
 * @param conflicts         conflict events produced
 * @param acceptedThroughMs end (epoch ms) of the newest minute whose rows every sink has accepted (written or
 *                          durably spooled), together with everything before it; 0 if none yet. Input before this
 *                          point never needs to be read again.
 */
public record CollectorStatus(
        boolean running,
        boolean healthy,
        SourceStatus source,
        long received,
        long rejected,
        long late,
        long minutesClosed,
        long conflicts,
        long acceptedThroughMs,
        List<SinkStatus> sinks) {

    public CollectorStatus {
        sinks = List.copyOf(sinks);
    }
}
