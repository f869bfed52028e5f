package org.trafficsafety.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.trafficsafety.analysis.ConflictEvent;
import org.trafficsafety.analysis.SafetyIndexRow;
import org.trafficsafety.message.Bsm;
import org.trafficsafety.message.MapData;
import org.trafficsafety.message.Message;
import org.trafficsafety.message.Psm;
import org.trafficsafety.message.Spat;
import org.trafficsafety.message.VruType;

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

    @Property(tries = 100, seed = "20261124")
    void rawMessagesOfEveryTypeReadBackEqual(@ForAll long seed, @ForAll @IntRange(min = 0, max = 20) int count) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        List<Message> messages = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            long t = MINUTE + r.nextInt(60_000);
            messages.add(switch (r.nextInt(4)) {
                case 0 -> new Bsm(r.nextLong(0, 1L << 32), r.nextInt(128), r.nextInt(60_000), t, t + 50, 38.9 + r.nextDouble(),
                        -77.2 + r.nextDouble(), Double.NaN, r.nextDouble(30), r.nextDouble(360), -r.nextDouble(5), Double.NaN,
                        r.nextDouble(), r.nextInt(32), 4.8, 1.9, "rsu-" + r.nextInt(9));
                case 1 -> new Psm(r.nextLong(0, 1L << 32), r.nextInt(128), Bsm.SEC_MARK_UNAVAILABLE, t, t, VruType.values()[r.nextInt(VruType.values().length)],
                        37.1 + r.nextDouble(), -80.3, 600.5, r.nextDouble(3), Double.NaN, "simulator");
                case 2 -> new MapData(t, t, r.nextInt(128), List.of(new MapData.IntersectionGeometry(r.nextInt(65_536), 0, r.nextInt(128),
                        "", 38.9, -77.2, 3.66, List.of(new MapData.Lane(r.nextInt(256), MapData.LaneType.CROSSWALK, true, false, 1, 0,
                        List.of(new MapData.GeoPoint(38.9, -77.2), new MapData.GeoPoint(38.90001, -77.20002)),
                        List.of(new MapData.Connection(7, r.nextInt(17))))))));
                default -> new Spat(t, t, List.of(new Spat.IntersectionState(r.nextInt(65_536), 0, 1, r.nextInt(65_536),
                        List.of(new Spat.MovementState(r.nextInt(256), List.of(new Spat.MovementEvent(
                                Spat.SignalPhase.values()[r.nextInt(10)], t + 1000, Spat.TIME_UNKNOWN, t + 2000)))))));
            });
        }
        MessagesCodec codec = new MessagesCodec();
        assertThat(codec.decode(codec.encode(messages))).isEqualTo(messages);
    }

    @Property(tries = 50, seed = "20261124")
    void aTruncatedPayloadIsRefusedNotMisread(@ForAll long seed, @ForAll @IntRange(min = 1, max = 100) int cut) {
        SafetyIndexRowsCodec codec = new SafetyIndexRowsCodec();
        byte[] payload = codec.encode(Samples.rows(seed, MINUTE, 2, 156));
        byte[] truncated = java.util.Arrays.copyOf(payload, Math.max(0, payload.length - cut));
        assertThatThrownBy(() -> codec.decode(truncated)).isInstanceOf(IllegalArgumentException.class);
    }
}
