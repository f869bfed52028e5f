package org.trafficsafety.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.trafficsafety.pipeline.Collector;
import org.trafficsafety.pipeline.CollectorStatus;
import org.trafficsafety.pipeline.SinkStatus;

/** The {@code collector} section of /health (when the collector runs): source, counters, each sink's queue and spool. */
@Component
@ConditionalOnProperty(name = "COLLECTOR_ENABLED", havingValue = "true")
final class CollectorHealthSection implements HealthSection {

    private final Collector collector;

    CollectorHealthSection(Collector collector) {
        this.collector = collector;
    }

    @Override
    public String name() {
        return "collector";
    }

    @Override
    public Report check() {
        CollectorStatus status = collector.status();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("running", status.running());
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("name", status.source().name());
        source.put("connected", status.source().connected());
        source.put("last_message_at_ms", status.source().lastMessageAtMs());
        source.put("last_error", status.source().lastError());
        source.put("counters", status.source().counters());
        details.put("source", source);
        details.put("messages_received", status.received());
        details.put("messages_rejected", status.rejected());
        details.put("messages_late", status.late());
        details.put("minutes_closed", status.minutesClosed());
        details.put("conflict_events", status.conflicts());
        details.put("accepted_through_ms", status.acceptedThroughMs());
        details.put("sinks", sinks(status.sinks()));
        return new Report(status.healthy(), details);
    }

    private static List<Map<String, Object>> sinks(List<SinkStatus> sinks) {
        return sinks.stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("healthy", s.healthy());
            m.put("queued", s.queued());
            m.put("spooled", s.spooled());
            m.put("spool_bytes", s.spoolBytes());
            m.put("oldest_spooled_age_s", s.oldestSpooledAgeS());
            m.put("written", s.written());
            m.put("replayed", s.replayed());
            m.put("refused", s.refused());
            m.put("quarantined", s.quarantined());
            m.put("last_success_at_ms", s.lastSuccessAtMs());
            m.put("last_error", s.lastError());
            return m;
        }).toList();
    }
}
