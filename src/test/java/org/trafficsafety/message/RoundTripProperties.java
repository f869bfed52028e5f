package org.trafficsafety.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * decode(encode(m)) == m within the dialect's units: exactly for VCC (doubles and epoch ms pass through),
 * within half a J2735 unit for ODE schemaVersion 9; and a second round trip changes nothing.
 */
class RoundTripProperties {

    private static final long T0 = 1_732_406_400_000L;

    private final VccEncoder vccEncoder = new VccEncoder();
    private final OdeEncoder odeEncoder = new OdeEncoder();
    private final MessageDecoder decoder = MessageDecoders.auto();

    @Property(tries = 300)
    void vccRoundTripIsExact(@ForAll("messages") Message m) {
        assertThat(roundTrip(vccEncoder, m)).isEqualTo(m);
    }

    @Property(tries = 300)
    void odeRoundTripIsWithinJ2735UnitsAndStable(@ForAll("messages") Message m) {
        Message once = roundTrip(odeEncoder, m);

        assertThat(roundTrip(odeEncoder, once)).isEqualTo(once);
        assertThat(once.type()).isEqualTo(m.type());
        assertThat(once.receivedAtMs()).isEqualTo(m.receivedAtMs());
        switch (m) {
            case Bsm b -> assertBsmClose((Bsm) once, b);
            case Psm p -> assertPsmClose((Psm) once, p);
            case Spat s -> assertSpatClose((Spat) once, s);
            case MapData d -> assertMapClose((MapData) once, d);
        }
    }

    private Message roundTrip(MessageEncoder encoder, Message m) {
        return Collected.decode(decoder, encoder.encode(m), m.receivedAtMs()).only(Message.class);
    }

    private static void assertBsmClose(Bsm got, Bsm want) {
        assertThat(got.id()).isEqualTo(want.id());
        assertThat(got.msgCnt()).isEqualTo(want.msgCnt());
        assertThat(got.secMark()).isEqualTo(want.secMark());
        assertThat(got.eventTimeMs()).isEqualTo(want.eventTimeMs());
        assertClose(got.latitude(), want.latitude(), 0.5e-7);
        assertClose(got.longitude(), want.longitude(), 0.5e-7);
        assertClose(got.elevationM(), want.elevationM(), 0.05);
        assertClose(got.speedMps(), want.speedMps(), 0.01);
        assertClose(got.headingDeg() == 0 && want.headingDeg() > 359 ? 360 : got.headingDeg(), want.headingDeg(),
                0.00625);
        assertClose(got.accelLonMps2(), want.accelLonMps2(), 0.005);
        assertClose(got.accelLatMps2(), want.accelLatMps2(), 0.005);
        assertClose(got.yawRateDegS(), want.yawRateDegS(), 0.005);
        assertThat(got.wheelBrakes()).isEqualTo(want.wheelBrakes());
        assertClose(got.lengthM(), want.lengthM(), 0.005);
        assertClose(got.widthM(), want.widthM(), 0.005);
        assertThat(got.source()).isEqualTo(want.source());
    }

    private static void assertPsmClose(Psm got, Psm want) {
        assertThat(got.id()).isEqualTo(want.id());
        assertThat(got.basicType()).isEqualTo(want.basicType());
        assertThat(got.eventTimeMs()).isEqualTo(want.eventTimeMs());
        assertClose(got.latitude(), want.latitude(), 0.5e-7);
        assertClose(got.speedMps(), want.speedMps(), 0.01);
        assertClose(got.elevationM(), want.elevationM(), 0.05);
    }

    private static void assertSpatClose(Spat got, Spat want) {
        assertThat(got.eventTimeMs()).isEqualTo(want.eventTimeMs());
        assertThat(got.intersections()).hasSameSizeAs(want.intersections());
        for (int i = 0; i < want.intersections().size(); i++) {
            Spat.IntersectionState g = got.intersections().get(i);
            Spat.IntersectionState w = want.intersections().get(i);
            assertThat(List.of(g.id(), g.region(), g.revision(), g.status()))
                    .isEqualTo(List.of(w.id(), w.region(), w.revision(), w.status()));
            assertThat(g.states()).hasSameSizeAs(w.states());
            for (int s = 0; s < w.states().size(); s++) {
                Spat.MovementEvent ge = g.states().get(s).events().getFirst();
                Spat.MovementEvent we = w.states().get(s).events().getFirst();
                assertThat(ge.phase()).isEqualTo(we.phase());
                // TimeMarks keep tenths of a second
                assertThat(ge.minEndMs()).isBetween(we.minEndMs() - 99, we.minEndMs());
                assertThat(ge.likelyMs()).isEqualTo(we.likelyMs() == Spat.TIME_UNKNOWN ? Spat.TIME_UNKNOWN
                        : we.likelyMs() - Math.floorMod(we.likelyMs(), 100));
            }
        }
    }

    private static void assertMapClose(MapData got, MapData want) {
        assertThat(got.msgIssueRevision()).isEqualTo(want.msgIssueRevision());
        MapData.IntersectionGeometry g = got.intersections().getFirst();
        MapData.IntersectionGeometry w = want.intersections().getFirst();
        assertThat(g.id()).isEqualTo(w.id());
        assertThat(g.name()).isEqualTo(w.name());
        assertClose(g.refLatitude(), w.refLatitude(), 0.5e-7);
        assertClose(g.laneWidthM(), w.laneWidthM(), 0.005);
        assertThat(g.lanes()).hasSameSizeAs(w.lanes());
        for (int i = 0; i < w.lanes().size(); i++) {
            MapData.Lane gl = g.lanes().get(i);
            MapData.Lane wl = w.lanes().get(i);
            assertThat(List.of(gl.laneId(), gl.laneType(), gl.ingress(), gl.egress(), gl.connections()))
                    .isEqualTo(List.of(wl.laneId(), wl.laneType(), wl.ingress(), wl.egress(), wl.connections()));
            for (int n = 0; n < wl.nodes().size(); n++) {
                assertClose(gl.nodes().get(n).longitude(), wl.nodes().get(n).longitude(), 0.5e-7);
            }
        }
    }

    private static void assertClose(double got, double want, double tolerance) {
        if (Double.isNaN(want)) {
            assertThat(got).isNaN();
        } else {
            assertThat(got).isCloseTo(want, within(tolerance + 1e-9));
        }
    }

    @Provide
    Arbitrary<Message> messages() {
        return Arbitraries.oneOf(bsms(), psms(), spats(), maps());
    }

    private static Arbitrary<Long> receivedAt() {
        return Arbitraries.longs().between(T0, T0 + 86_400_000L * 365);
    }

    private static Arbitrary<Integer> secMarks() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 59_999), Arbitraries.just(Bsm.SEC_MARK_UNAVAILABLE));
    }

    private static Arbitrary<Double> orNaN(Arbitrary<Double> values) {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, values), net.jqwik.api.Tuple.of(1, Arbitraries.just(Double.NaN)));
    }

    private static Arbitrary<Double> cmSizes(int maxCm) {
        return orNaN(Arbitraries.integers().between(1, maxCm).map(cm -> cm / 100.0));
    }

    private Arbitrary<Message> bsms() {
        Arbitrary<double[]> kinematics = Combinators.combine(
                Arbitraries.doubles().between(-89.9, 89.9).ofScale(9), Arbitraries.doubles().between(-179.9, 179.9).ofScale(9),
                orNaN(Arbitraries.doubles().between(-400, 6000)), orNaN(Arbitraries.doubles().between(0, 89.9).ofScale(6)),
                orNaN(Arbitraries.doubles().between(0, 359.99).ofScale(6)), orNaN(Arbitraries.doubles().between(-19.9, 19.9)),
                orNaN(Arbitraries.doubles().between(-19.9, 19.9)), orNaN(Arbitraries.doubles().between(-300, 300)))
                .as((lat, lon, elev, speed, heading, ax, ay, yaw) -> new double[] {lat, lon, elev, speed, heading, ax, ay, yaw});
        return Combinators.combine(Arbitraries.longs().between(0, 0xFFFF_FFFFL), Arbitraries.integers().between(0, 127),
                secMarks(), receivedAt(), kinematics, Arbitraries.integers().between(0, 31), cmSizes(4095),
                cmSizes(1023)).as((id, cnt, sec, rx, k, brakes, length, width) -> new Bsm(id, cnt, sec,
                EventTime.fromSecMark(sec, rx), rx, k[0], k[1], k[2], k[3], k[4], k[5], k[6], k[7], brakes, length,
                width, "US-29 & Nutley"));
    }

    private Arbitrary<Message> psms() {
        return Combinators.combine(Arbitraries.longs().between(0, 0xFFFF_FFFFL), Arbitraries.integers().between(0, 127),
                secMarks(), receivedAt(), Arbitraries.of(VruType.class), Arbitraries.doubles().between(-89.9, 89.9).ofScale(9),
                orNaN(Arbitraries.doubles().between(0, 12)), orNaN(Arbitraries.doubles().between(0, 359.99).ofScale(6)))
                .as((id, cnt, sec, rx, type, lat, speed, heading) -> new Psm(id, cnt, sec,
                        EventTime.fromSecMark(sec, rx), rx, type, lat, -77.25, Double.NaN, speed, heading, "10.1.2.3"));
    }

    private Arbitrary<Message> spats() {
        Arbitrary<Long> offsets = Arbitraries.longs().between(-600_000, 1_200_000);
        return Combinators.combine(receivedAt(), Arbitraries.integers().between(-29_999, 29_999),
                Arbitraries.integers().between(1, 65_535), Arbitraries.integers().between(0, 0xFFFF),
                Arbitraries.of(Spat.SignalPhase.class), Arbitraries.integers().between(1, 255), offsets,
                orUnknown(offsets)).as((rx, eventOffset, id, status, phase, group, minEnd, likely) -> new Spat(
                rx + eventOffset, rx, List.of(new Spat.IntersectionState(id, 0, 3, status, List.of(
                new Spat.MovementState(group, List.of(new Spat.MovementEvent(phase, rx + minEnd, Spat.TIME_UNKNOWN,
                        likely == Spat.TIME_UNKNOWN ? Spat.TIME_UNKNOWN : rx + likely))))))));
    }

    private static Arbitrary<Long> orUnknown(Arbitrary<Long> offsets) {
        return Arbitraries.oneOf(offsets, Arbitraries.just(Spat.TIME_UNKNOWN));
    }

    private Arbitrary<Message> maps() {
        Arbitrary<MapData.Lane> lanes = Combinators.combine(Arbitraries.integers().between(1, 255),
                Arbitraries.of(MapData.LaneType.class), Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.doubles().between(-0.002, 0.002).ofScale(9).list().ofMinSize(2).ofMaxSize(5),
                Arbitraries.integers().between(0, 40)).as((id, type, in, out, offsets, group) -> new MapData.Lane(id,
                type, in, out, in ? 1 : 0, out ? 2 : 0, offsets.stream().map(o -> new MapData.GeoPoint(38.9284 + o,
                -77.2410 - o)).toList(), group == 0 ? List.of() : List.of(new MapData.Connection(id + 1, group))));
        return Combinators.combine(receivedAt(), Arbitraries.integers().between(1, 65_535),
                Arbitraries.of("", "Chain Bridge & Old Courthouse"), orNaN(Arbitraries.of(3.0, 3.66, 4.2)),
                lanes.list().ofMinSize(1).ofMaxSize(4)).as((rx, id, name, width, laneList) -> new MapData(rx, rx, 2,
                List.of(new MapData.IntersectionGeometry(id, 0, 1, name, 38.9284, -77.2410, width, laneList))));
    }
}
