package org.trafficsafety.store.parquet;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.trafficsafety.analysis.ConflictEvent;
import org.trafficsafety.analysis.ConflictType;
import org.trafficsafety.analysis.MinuteFeatures;
import org.trafficsafety.analysis.RoadUserKind;
import org.trafficsafety.analysis.SafetyIndexRow;
import org.trafficsafety.message.Bsm;
import org.trafficsafety.message.MapData;
import org.trafficsafety.message.Psm;
import org.trafficsafety.message.Spat;
import org.trafficsafety.message.VruType;

/** jqwik generators of every record the storage layer writes, NaN ("unavailable") included. */
public final class StorageArbitraries {

    /** 2020-01-01 .. 2031-01-01 UTC, epoch ms. */
    static final long FROM_MS = 1_577_836_800_000L;
    static final long TO_MS = 1_924_992_000_000L;

    private StorageArbitraries() {
    }

    public static Arbitrary<Long> epochMs() {
        return Arbitraries.longs().between(FROM_MS, TO_MS);
    }

    static Arbitrary<Long> tempId() {
        return Arbitraries.longs().between(0, 0xFFFF_FFFFL);
    }

    static Arbitrary<Double> maybe(Arbitrary<Double> value) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, value), net.jqwik.api.Tuple.of(1, Arbitraries.just(Double.NaN)));
    }

    static Arbitrary<Double> between(double min, double max) {
        return Arbitraries.doubles().between(min, max).ofScale(6);
    }

    static Arbitrary<String> text() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars("éü&'\"\\").ofMaxLength(24);
    }

    /** Widens to Object so that records with more than eight components can be combined from a list. */
    private static Arbitrary<Object> o(Arbitrary<?> a) {
        return a.map(x -> x);
    }

    private static Arbitrary<Object> secMark() {
        return o(Arbitraries.oneOf(Arbitraries.integers().between(0, 60_999), Arbitraries.just(Bsm.SEC_MARK_UNAVAILABLE)));
    }

    public static Arbitrary<Bsm> bsm() {
        return Combinators.combine(List.of(o(tempId()), o(Arbitraries.integers().between(0, 127)), secMark(),
                        o(epochMs()), o(epochMs()), o(between(-90, 90)), o(between(-180, 180)),
                        o(maybe(between(-100, 4000))), o(maybe(between(0, 70))), o(maybe(between(0, 359.9875))),
                        o(maybe(between(-20, 20))), o(maybe(between(-20, 20))), o(maybe(between(-327.67, 327.67))),
                        o(Arbitraries.integers().between(0, 31)), o(maybe(between(0, 40.95))),
                        o(maybe(between(0, 10.23))), o(text())))
                .as(v -> new Bsm((Long) v.get(0), (Integer) v.get(1), (Integer) v.get(2), (Long) v.get(3),
                        (Long) v.get(4), (Double) v.get(5), (Double) v.get(6), (Double) v.get(7), (Double) v.get(8),
                        (Double) v.get(9), (Double) v.get(10), (Double) v.get(11), (Double) v.get(12),
                        (Integer) v.get(13), (Double) v.get(14), (Double) v.get(15), (String) v.get(16)));
    }

    public static Arbitrary<Psm> psm() {
        return Combinators.combine(List.of(o(tempId()), o(Arbitraries.integers().between(0, 127)), secMark(),
                        o(epochMs()), o(epochMs()), o(Arbitraries.of(VruType.class)), o(between(-90, 90)),
                        o(between(-180, 180)), o(maybe(between(-100, 4000))), o(maybe(between(0, 15))),
                        o(maybe(between(0, 359.9875))), o(text())))
                .as(v -> new Psm((Long) v.get(0), (Integer) v.get(1), (Integer) v.get(2), (Long) v.get(3),
                        (Long) v.get(4), (VruType) v.get(5), (Double) v.get(6), (Double) v.get(7), (Double) v.get(8),
                        (Double) v.get(9), (Double) v.get(10), (String) v.get(11)));
    }

    static Arbitrary<MapData.Lane> lane() {
        Arbitrary<MapData.GeoPoint> point = Combinators.combine(between(-90, 90), between(-180, 180))
                .as(MapData.GeoPoint::new);
        Arbitrary<MapData.Connection> connection = Combinators.combine(
                Arbitraries.integers().between(0, 255), Arbitraries.integers().between(0, 255))
                .as(MapData.Connection::new);
        return Combinators.combine(Arbitraries.integers().between(0, 255),
                        Arbitraries.of(MapData.LaneType.class), Arbitraries.of(true, false),
                        Arbitraries.of(true, false), Arbitraries.integers().between(0, 15),
                        Arbitraries.integers().between(0, 15), point.list().ofMaxSize(4),
                        connection.list().ofMaxSize(3))
                .as(MapData.Lane::new);
    }

    public static Arbitrary<MapData> mapData() {
        Arbitrary<MapData.IntersectionGeometry> geometry = Combinators.combine(
                        Arbitraries.integers().between(0, 65535), Arbitraries.integers().between(0, 65535),
                        Arbitraries.integers().between(0, 127), text(), between(-90, 90), between(-180, 180),
                        maybe(between(0, 10)), lane().list().ofMaxSize(3))
                .as(MapData.IntersectionGeometry::new);
        return Combinators.combine(epochMs(), epochMs(), Arbitraries.integers().between(0, 127),
                geometry.list().ofMaxSize(2)).as(MapData::new);
    }

    public static Arbitrary<Spat> spat() {
        Arbitrary<Long> time = Arbitraries.oneOf(epochMs(), Arbitraries.just(Spat.TIME_UNKNOWN));
        Arbitrary<Spat.MovementEvent> event = Combinators.combine(Arbitraries.of(Spat.SignalPhase.class),
                time, time, time).as(Spat.MovementEvent::new);
        Arbitrary<Spat.MovementState> movement = Combinators.combine(Arbitraries.integers().between(0, 255),
                event.list().ofMaxSize(3)).as(Spat.MovementState::new);
        Arbitrary<Spat.IntersectionState> state = Combinators.combine(Arbitraries.integers().between(0, 65535),
                        Arbitraries.integers().between(0, 65535), Arbitraries.integers().between(0, 127),
                        Arbitraries.integers().between(0, 65535), movement.list().ofMaxSize(4))
                .as(Spat.IntersectionState::new);
        return Combinators.combine(epochMs(), epochMs(), state.list().ofMaxSize(2)).as(Spat::new);
    }

    public static Arbitrary<SafetyIndexRow> indexRow() {
        Arbitrary<Integer> count = Arbitraries.integers().between(0, 500);
        Arbitrary<MinuteFeatures> features = Combinators.combine(List.of(
                        o(Arbitraries.integers().between(1, 100_000)), o(epochMs().map(ms -> ms - Math.floorMod(ms, 60_000L))),
                        o(count), o(count), o(between(0, 40)), o(between(0, 20)), o(count), o(count), o(count)))
                .as(v -> new MinuteFeatures((Integer) v.get(0), (Long) v.get(1), (Integer) v.get(2),
                        (Integer) v.get(3), (Double) v.get(4), (Double) v.get(5), (Integer) v.get(6),
                        (Integer) v.get(7), (Integer) v.get(8)));
        return Combinators.combine(features, between(0, 100).list().ofSize(6), Arbitraries.longs().between(1, 1000),
                        Arbitraries.of("tsi-1", "tsi-2"))
                .as((f, ix, constants, version) -> {
                    var t = java.time.Instant.ofEpochMilli(f.minuteStartMs()).atOffset(java.time.ZoneOffset.UTC);
                    return new SafetyIndexRow(f, ix.get(0), ix.get(1), ix.get(2), ix.get(3), ix.get(4), ix.get(5),
                            t.getHour(), t.getDayOfWeek().getValue() - 1, constants, version);
                });
    }

    /** Conflicts in canonical pair order; an unobserved measure (NaN) has time 0, as the record documents. */
    public static Arbitrary<ConflictEvent> conflict() {
        return Combinators.combine(List.of(o(Arbitraries.integers().between(1, 100_000)), o(epochMs()),
                        o(Arbitraries.longs().between(0, 30_000)), o(Arbitraries.of(ConflictType.class)), o(tempId()),
                        o(tempId()), o(Arbitraries.of(RoadUserKind.class)), o(maybe(between(0, 3))),
                        o(maybe(between(0, 2))), o(between(-90, 90)), o(between(-180, 180)), o(between(0, 40)),
                        o(between(0, 40))))
                .as(v -> {
                    long start = (Long) v.get(1);
                    long end = start + (Long) v.get(2);
                    long a = (Long) v.get(4);
                    long b = (Long) v.get(5);
                    RoadUserKind second = (RoadUserKind) v.get(6);
                    boolean withVru = second.isVru();
                    long first = withVru ? a : Math.min(a, b);
                    long other = withVru ? b : Math.max(a, b);
                    double ttc = (Double) v.get(7);
                    double pet = (Double) v.get(8);
                    return new ConflictEvent((Integer) v.get(0), start, end, (ConflictType) v.get(3), first,
                            RoadUserKind.VEHICLE, other, second, ttc, Double.isNaN(ttc) ? 0 : start + 100, pet,
                            Double.isNaN(pet) ? 0 : end, (Double) v.get(9), (Double) v.get(10), (Double) v.get(11),
                            (Double) v.get(12));
                });
    }
}
