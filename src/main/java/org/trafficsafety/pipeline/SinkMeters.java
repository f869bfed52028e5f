package org.trafficsafety.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * The meters of one sink's write attempts, named by family: {@code db.write} gives Prometheus
 * {@code db_write_success_total}, {@code db_write_failure_total} and {@code db_write_duration_seconds};
 * {@code gcs.upload} gives {@code gcs_upload_success_total} and so on. Tags tell the sinks of a family apart.
 */
public record SinkMeters(Counter success, Counter failure, Timer duration) {

    public static SinkMeters of(MeterRegistry registry, String family, Tags tags) {
        return new SinkMeters(
                Counter.builder(family + ".success").description("batches written").tags(tags).register(registry),
                Counter.builder(family + ".failure").description("failed write attempts (the batch is spooled and retried)")
                        .tags(tags).register(registry),
                Timer.builder(family + ".duration").description("duration of write attempts").tags(tags).register(registry));
    }
}
