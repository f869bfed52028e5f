package org.trafficsafety.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.trafficsafety.message.MessageType;
import org.trafficsafety.message.RejectReason;
import org.trafficsafety.source.MessageSource;

/**
 * The collector's meters. Prometheus names (docs/pipeline.md lists them all): {@code tsi_messages_received_total{type}},
 * {@code tsi_messages_rejected_total{type,reason}}, {@code tsi_messages_late_total}, {@code tsi_minutes_closed_total},
 * {@code tsi_conflict_events_total}, {@code tsi_end_to_end_lag_seconds}, the sink families {@code db_write_*},
 * {@code gcs_upload_*}, {@code parquet_write_*}, and per sink {@code tsi_spool_depth}, {@code tsi_spool_bytes},
 * {@code tsi_spool_oldest_age_seconds}, {@code tsi_sink_queue_depth}, {@code tsi_sink_refused_total},
 * {@code tsi_sink_quarantined_total}. Counters are pre-registered, so the per-message path only increments.
 */
public final class PipelineMetrics {

    private static final MessageType[] TYPES = MessageType.values();
    private static final RejectReason[] REASONS = RejectReason.values();

    private final MeterRegistry registry;
    private final Counter[] received = new Counter[TYPES.length];
    /** [type ordinal, or TYPES.length for "unknown"][reason ordinal] */
    private final Counter[][] rejected = new Counter[TYPES.length + 1][REASONS.length];
    private final Counter late;
    private final Counter minutesClosed;
    private final Counter conflicts;
    private final Timer lag;

    public PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (MessageType type : TYPES) {
            received[type.ordinal()] = Counter.builder("tsi.messages.received").description("messages accepted from the source")
                    .tag("type", type.key()).register(registry);
        }
        for (int t = 0; t <= TYPES.length; t++) {
            String type = t == TYPES.length ? "unknown" : TYPES[t].key();
            for (RejectReason reason : REASONS) {
                rejected[t][reason.ordinal()] = Counter.builder("tsi.messages.rejected").description("messages rejected, by reason")
                        .tags("type", type, "reason", reason.label()).register(registry);
            }
        }
        late = Counter.builder("tsi.messages.late").description("messages that arrived after their minute closed (archived, not analyzed)")
                .register(registry);
        minutesClosed = Counter.builder("tsi.minutes.closed").description("per-intersection minutes closed into index rows")
                .register(registry);
        conflicts = Counter.builder("tsi.conflict.events").description("conflict events detected").register(registry);
        lag = Timer.builder("tsi.end.to.end.lag").description("from a minute's end (event time) to its row committed in PostgreSQL")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofSeconds(1)).maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    void received(MessageType type) {
        received[type.ordinal()].increment();
    }

    void rejected(MessageType type, RejectReason reason) {
        rejected[type == null ? TYPES.length : type.ordinal()][reason.ordinal()].increment();
    }

    void late() {
        late.increment();
    }

    void minuteClosed() {
        minutesClosed.increment();
    }

    void conflict() {
        conflicts.increment();
    }

    /** A row of the minute starting at {@code minuteStartMs} was committed at {@code committedAtMs}. */
    void committed(long minuteStartMs, long committedAtMs) {
        lag.record(Math.max(0, committedAtMs - (minuteStartMs + 60_000L)), TimeUnit.MILLISECONDS);
    }

    /** The write meters of a sink family ("db.write", "gcs.upload", "parquet.write"). */
    SinkMeters sinkMeters(String family, Tags tags) {
        return SinkMeters.of(registry, family, tags);
    }

    /** Gauges and counters of an isolated sink's queue and spool, read from its status. */
    void bind(IsolatedSink<?> sink) {
        Tags tags = Tags.of("sink", sink.name());
        Gauge.builder("tsi.spool.depth", sink, s -> s.status().spooled()).description("batches waiting in the durable spool")
                .tags(tags).register(registry);
        Gauge.builder("tsi.spool.bytes", sink, s -> s.status().spoolBytes()).description("bytes of spooled batches")
                .baseUnit("bytes").tags(tags).register(registry);
        Gauge.builder("tsi.spool.oldest.age", sink, s -> s.status().oldestSpooledAgeS())
                .description("age of the oldest spooled batch").baseUnit("seconds").tags(tags).register(registry);
        Gauge.builder("tsi.sink.queue.depth", sink, s -> s.status().queued()).description("batches waiting in memory")
                .tags(tags).register(registry);
        FunctionCounter.builder("tsi.sink.refused", sink, s -> s.status().refused())
                .description("batches lost because the spool was full").tags(tags).register(registry);
        FunctionCounter.builder("tsi.sink.quarantined", sink, s -> s.status().quarantined())
                .description("batches set aside as unwritable").tags(tags).register(registry);
        Gauge.builder("tsi.sink.healthy", sink, s -> s.status().healthy() ? 1 : 0).description("1 when the sink's last write succeeded and its spool is empty")
                .tags(tags).register(registry);
    }

    /** Gauges of the source: connected (0/1) and seconds since its last message. */
    void bind(MessageSource source) {
        Tags tags = Tags.of("source", source.name());
        Gauge.builder("tsi.source.connected", source, s -> s.status().connected() ? 1 : 0)
                .description("1 while the source is receiving").tags(tags).register(registry);
        Gauge.builder("tsi.source.last.message.age", source, s -> {
            long last = s.status().lastMessageAtMs();
            return last == 0 ? Double.NaN : (System.currentTimeMillis() - last) / 1000.0;
        }).description("time since the source's last message").baseUnit("seconds").tags(tags).register(registry);
    }
}
