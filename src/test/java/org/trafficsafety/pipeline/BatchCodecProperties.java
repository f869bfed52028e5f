package org.trafficsafety.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.trafficsafety.analysis.ConflictEvent;
import org.trafficsafety.analysis.SafetyIndexRow;

class BatchCodecProperties {

    private static final long MINUTE = 1_795_000_000_000L - 1_795_000_000_000L % 60_000L;

    @Property(tries = 100, seed = "20261124")
    void indexRowsReadBackEqual(@ForAll long seed, @ForAll @IntRange(min = 0, max = 30) int minutes) {
        SafetyIndexRowsCodec codec = new SafetyIndexRowsCodec();
        List<SafetyIndexRow> rows = Samples.rows(seed, MINUTE, minutes, 156, 3837);
        assertThat(codec.decode(codec.encode(rows))).isEqualTo(rows);
    }

    @Property(tries = 100, seed = "20261124")
    void conflictEventsReadBackEqualIncludingNaNMeasures(@ForAll long seed, @ForAll @IntRange(min = 0, max = 30) int count) {
        ConflictEventsCodec codec = new ConflictEventsCodec();
        List<ConflictEvent> events = Samples.conflicts(seed, MINUTE, count, 159);
        assertThat(codec.decode(codec.encode(events))).isEqualTo(events);
    }

    @Property(tries = 50, seed = "20261124")
    void aTruncatedPayloadIsRefusedNotMisread(@ForAll long seed, @ForAll @IntRange(min = 1, max = 100) int cut) {
        SafetyIndexRowsCodec codec = new SafetyIndexRowsCodec();
        byte[] payload = codec.encode(Samples.rows(seed, MINUTE, 2, 156));
        byte[] truncated = java.util.Arrays.copyOf(payload, Math.max(0, payload.length - cut));
        assertThatThrownBy(() -> codec.decode(truncated)).isInstanceOf(IllegalArgumentException.class);
    }
}
