package org.trafficsafety.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class J2735PrecisionProperties {

    private static final long MINUTE_START = 1_795_000_020_000L - 1_795_000_020_000L % 60_000L;

    @Property(tries = 500)
    void aRoundedBsmDecodesToTheSameRecordFromVccAndFromOde(
            @ForAll @LongRange(min = 0, max = 4_294_967_295L) long id,
            @ForAll @IntRange(min = 0, max = 127) int msgCnt,
            @ForAll @IntRange(min = 0, max = 59_999) int secMark,
            @ForAll @DoubleRange(min = -89, max = 89) double lat,
            @ForAll @DoubleRange(min = -179, max = 179) double lon,
            @ForAll @DoubleRange(min = 0, max = 60) double speed,
            @ForAll @DoubleRange(min = 0, max = 359.99) double heading,
            @ForAll @DoubleRange(min = -9, max = 9) double accel,
            @ForAll @DoubleRange(min = 3, max = 12) double length) {
        long t = MINUTE_START + secMark;
        Bsm rounded = J2735Precision.round(new Bsm(id, msgCnt, secMark, t, t + 30, lat, lon, Double.NaN, speed, heading,
                accel, Double.NaN, Double.NaN, 0, length, 1.9, "src"));

        assertThat(decode(new VccEncoder().encode(rounded), Dialect.VCC)).isEqualTo(rounded);
        assertThat(decode(new OdeEncoder().encode(rounded), Dialect.ODE)).isEqualTo(rounded);
    }

    @Property(tries = 300)
    void aRoundedPsmDecodesToTheSameRecordFromVccAndFromOde(
            @ForAll @LongRange(min = 0, max = 4_294_967_295L) long id,
            @ForAll @IntRange(min = 0, max = 59_999) int secMark,
            @ForAll @DoubleRange(min = -89, max = 89) double lat,
            @ForAll @DoubleRange(min = -179, max = 179) double lon,
            @ForAll @DoubleRange(min = 0, max = 8) double speed,
            @ForAll @DoubleRange(min = 0, max = 359.99) double heading) {
        long t = MINUTE_START + secMark;
        Psm rounded = J2735Precision.round(new Psm(id, 5, secMark, t, t + 30, VruType.PEDESTRIAN, lat, lon, Double.NaN,
                speed, heading, "src"));

        assertThat(decode(new VccEncoder().encode(rounded), Dialect.VCC)).isEqualTo(rounded);
        assertThat(decode(new OdeEncoder().encode(rounded), Dialect.ODE)).isEqualTo(rounded);
    }

    @Property(tries = 200)
    void roundingIsIdempotentAndMovesAValueByAtMostHalfAStep(@ForAll @DoubleRange(min = 0, max = 80) double speed,
                                                            @ForAll @DoubleRange(min = -89, max = 89) double lat) {
        Bsm b = new Bsm(1, 1, 0, MINUTE_START, MINUTE_START, lat, 0, Double.NaN, speed, 10, Double.NaN, Double.NaN,
                Double.NaN, 0, Double.NaN, Double.NaN, "");
        Bsm once = J2735Precision.round(b);
        assertThat(J2735Precision.round(once)).isEqualTo(once);
        assertThat(Math.abs(once.speedMps() - speed)).isLessThanOrEqualTo(0.01 + 1e-12);
        assertThat(Math.abs(once.latitude() - lat)).isLessThanOrEqualTo(0.5e-7 + 1e-12);
        assertThat(once.lengthM()).isNaN();
    }

    private static Message decode(String json, Dialect dialect) {
        List<Message> out = new ArrayList<>();
        MessageDecoders.of(dialect).decode(json, 0, new MessageListener() {
            @Override
            public void onMessage(Message message) {
                out.add(message);
            }

            @Override
            public void onRejected(MessageType type, RejectReason reason, String detail) {
                throw new AssertionError("rejected " + reason + ": " + detail + " in " + json);
            }
        });
        assertThat(out).hasSize(1);
        return out.get(0);
    }
}
