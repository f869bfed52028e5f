package org.trafficsafety.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trafficsafety.source.file.MessageFileReader;

/**
 * Decodes every real message under ../shared/samples and checks the values its README states. Skipped only
 * when that folder is absent (a checkout without the shared samples).
 */
class SharedSamplesTest {

    private static final Path SAMPLES = Path.of("..", "shared", "samples");

    private final MessageDecoder decoder = MessageDecoders.auto();

    @BeforeEach
    void requireSamples() {
        assumeTrue(Files.isDirectory(SAMPLES), "../shared/samples is absent");
    }

    private Collected decodeFile(String relative) throws IOException {
        Collected c = new Collected();
        MessageFileReader.read(SAMPLES.resolve(relative), d -> decoder.decode(d.json(), 0L, c));
        return c;
    }

    @Test
    void shouldDecodeEverySampleFileWithoutARejection() throws IOException {
        List<Path> files = new ArrayList<>();
        try (var walk = Files.walk(SAMPLES)) {
            walk.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
        }
        assertThat(files).hasSize(12);
        int messages = 0;
        for (Path file : files) {
            Collected c = decodeFile(SAMPLES.relativize(file).toString());
            assertThat(c.rejections).as(file.toString()).isEmpty();
            messages += c.messages.size();
        }
        // README table: 1+1+1+1 (vcc) + 8+1+2+2 (ode) + 6+1+4+3 (ode9)
        assertThat(messages).isEqualTo(31);
    }

    @Test
    void shouldReadVccBsmAndPsmAsTheReadmeStates() throws IOException {
        Bsm bsm = decodeFile("vcc/bsm.json").only(Bsm.class);
        assertThat(bsm.id()).isEqualTo(42L);
        assertThat(bsm.secMark()).isEqualTo(12345);
        assertThat(bsm.receivedAtMs()).isEqualTo(1_617_220_157_230L);
        assertThat(bsm.speedMps()).isEqualTo(10.4);
        assertThat(bsm.headingDeg()).isEqualTo(92.7);
        assertThat(bsm.accelLonMps2()).isEqualTo(0.1);
        assertThat(bsm.wheelBrakes()).isZero();
        assertThat(bsm.lengthM()).isEqualTo(4.73);
        assertThat(bsm.source()).isEqualTo("US-29 & Nutley");

        Psm psm = decodeFile("vcc/psm.json").only(Psm.class);
        assertThat(psm.basicType()).isEqualTo(VruType.UNAVAILABLE);
        assertThat(psm.secMark()).isEqualTo(18700);
        assertThat(psm.msgCnt()).isEqualTo(49);
        assertThat(psm.id()).isZero();
        assertThat(psm.latitude()).isEqualTo(37.2537661);
        assertThat(psm.longitude()).isEqualTo(-80.4010384);
        assertThat(psm.elevationM()).as("elev null").isNaN();
        assertThat(psm.speedMps()).isZero();
    }

    @Test
    void shouldReadVccMapDataAndSpatStrings() throws IOException {
        MapData map = decodeFile("vcc/mapdata.json").only(MapData.class);
        MapData.IntersectionGeometry ix = map.intersections().getFirst();
        assertThat(ix.id()).isEqualTo(152);
        assertThat(ix.laneWidthM()).isEqualTo(3.66);
        assertThat(ix.refLongitude()).isCloseTo(-77.2276956, within(1e-9));
        assertThat(ix.lanes()).hasSize(4);
        assertThat(ix.lanes()).allSatisfy(l -> assertThat(l.nodes()).hasSizeBetween(3, 5));
        assertThat(ix.lanes().getFirst().nodes().getFirst())
                .isEqualTo(new MapData.GeoPoint(38.86315363954482, -77.22788661590909));

        Spat spat = decodeFile("vcc/spat.json").only(Spat.class);
        Spat.IntersectionState sx = spat.intersections().getFirst();
        assertThat(sx.id()).isEqualTo(152);
        assertThat(sx.states()).hasSize(9);
        assertThat(sx.states()).extracting(Spat.MovementState::signalGroup).contains(32);
        Spat.MovementEvent group1 = sx.states().getFirst().events().getFirst();
        assertThat(group1.phase()).isEqualTo(Spat.SignalPhase.STOP_AND_REMAIN);
        assertThat(group1.minEndMs()).isEqualTo(1_614_818_291_600L);
        assertThat(group1.maxEndMs()).as("36001 passed through").isEqualTo(Spat.TIME_UNKNOWN);
        assertThat(sx.states()).flatExtracting(Spat.MovementState::events).extracting(Spat.MovementEvent::phase)
                .containsOnly(Spat.SignalPhase.DARK, Spat.SignalPhase.PERMISSIVE_MOVEMENT_ALLOWED,
                        Spat.SignalPhase.STOP_AND_REMAIN);
        assertThat(sx.states().getLast().signalGroup()).isEqualTo(32);
        assertThat(sx.states().getLast().events().getFirst().phase()).isEqualTo(Spat.SignalPhase.DARK);
    }

    @Test
    void shouldReadOdeBsmsIncludingTheUnscaledUnavailableAccel() throws IOException {
        Collected c = decodeFile("ode/bsm.json");
        Bsm first = c.get(0, Bsm.class);
        assertThat(first.id()).isEqualTo(0x31325433L);
        assertThat(first.msgCnt()).isEqualTo(37);
        assertThat(first.secMark()).isEqualTo(25399);
        assertThat(first.speedMps()).isEqualTo(0.28);
        assertThat(first.headingDeg()).isEqualTo(313.25);
        Bsm fixture = c.get(2, Bsm.class);
        assertThat(fixture.id()).isEqualTo(0x12A7A951L);
        assertThat(fixture.accelLatMps2()).as("accelLat 2001").isNaN();
        assertThat(fixture.accelLonMps2()).isZero();
        assertThat(c.messages.subList(3, 8)).extracting(m -> ((Bsm) m).msgCnt()).containsExactly(55, 59, 56, 54, 53);
        assertThat(c.messages.subList(3, 8)).allSatisfy(m -> {
            Bsm b = (Bsm) m;
            assertThat(b.id()).isEqualTo(0x31325442L);
            assertThat(b.secMark()).isBetween(57510, 58117);
        });
    }

    @Test
    void shouldReadTheSameBsmAndPsmAlikeInV8AndV9() throws IOException {
        Bsm v8 = decodeFile("ode/bsm.json").get(0, Bsm.class);
        Collected v9file = decodeFile("ode9/bsm.json");
        Bsm v9 = v9file.get(0, Bsm.class);
        assertThat(v9.latitude()).isEqualTo(v8.latitude()).isEqualTo(40.5659938);
        assertThat(v9.longitude()).isEqualTo(-105.0317754);
        assertThat(v9.elevationM()).isEqualTo(1440.9);
        assertThat(v9.speedMps()).isEqualTo(v8.speedMps());
        assertThat(v9.headingDeg()).isEqualTo(v8.headingDeg());
        assertThat(v9.accelLonMps2()).isEqualTo(0.27);
        assertThat(v9.wheelBrakes()).isEqualTo(v8.wheelBrakes()).isEqualTo(Bsm.WHEEL_BRAKES_UNAVAILABLE);
        assertThat(v9.lengthM()).isEqualTo(v8.lengthM());

        assertThat(v9file.messages.subList(1, 6)).extracting(m -> ((Bsm) m).speedMps())
                .containsExactly(22.62, 33.6, 21.2, 14.36, 13.28);
        assertThat(v9file.messages.subList(1, 6)).extracting(m -> ((Bsm) m).headingDeg())
                .containsExactly(169.2, 347.2, 347.5, 323.1, 185.0);
        assertThat(v9file.messages.subList(1, 6)).allSatisfy(m -> {
            Bsm b = (Bsm) m;
            assertThat(b.id()).isEqualTo(0x1728B02EL);
            assertThat(b.elevationM()).isEqualTo(1691.9);
            assertThat(b.yawRateDegS()).isEqualTo(-0.65);
            assertThat(b.widthM()).isEqualTo(1.8);
            assertThat(b.lengthM()).isEqualTo(4.8);
        });

        Psm psm8 = decodeFile("ode/psm.json").only(Psm.class);
        Psm psm9 = decodeFile("ode9/psm.json").only(Psm.class);
        for (Psm p : List.of(psm8, psm9)) {
            assertThat(p.id()).isEqualTo(0x24779D7EL);
            assertThat(p.secMark()).isEqualTo(3564);
            assertThat(p.msgCnt()).isEqualTo(26);
            assertThat(p.basicType()).isEqualTo(VruType.PEDESTRIAN);
            assertThat(p.speedMps()).isZero();
            assertThat(p.headingDeg()).as("8898 x 0.0125").isEqualTo(111.225);
            assertThat(p.latitude()).isEqualTo(40.2397377);
        }
    }

    @Test
    void shouldReadOdeSpatInAllLayoutsAlike() throws IOException {
        Collected v8 = decodeFile("ode/spat.json");
        Collected v9 = decodeFile("ode9/spat.json");
        for (Spat s : List.of(v8.get(0, Spat.class), v8.get(1, Spat.class), v9.get(0, Spat.class))) {
            Spat.IntersectionState ix = s.intersections().getFirst();
            assertThat(ix.id()).isEqualTo(12111);
            assertThat(ix.states()).hasSize(6);
            Spat.MovementEvent e = ix.states().getFirst().events().getFirst();
            assertThat(e.phase()).isEqualTo(Spat.SignalPhase.PROTECTED_MOVEMENT_ALLOWED);
            // minEndTime 22120 tenths = 36 min 52.0 s after the hour
            assertThat(Math.floorMod(e.minEndMs(), 3_600_000L)).isEqualTo(2_212_000L);
            assertThat(Math.abs(s.eventTimeMs() - s.receivedAtMs())).isLessThanOrEqualTo(30_000L);
        }
        for (int i = 1; i <= 3; i++) {
            Spat s = v9.get(i, Spat.class);
            Spat.IntersectionState ix = s.intersections().getFirst();
            assertThat(ix.id()).isEqualTo(12109);
            assertThat(ix.states()).filteredOn(st -> st.signalGroup() == 2 || st.signalGroup() == 6)
                    .allSatisfy(st -> assertThat(st.events().getFirst().phase())
                            .isEqualTo(Spat.SignalPhase.PROTECTED_CLEARANCE));
            assertThat(ix.states()).filteredOn(st -> st.signalGroup() == 4)
                    .allSatisfy(st -> assertThat(st.events().getFirst().phase())
                            .isEqualTo(Spat.SignalPhase.STOP_AND_REMAIN));
            assertThat(s.eventTimeMs()).as("timeStamp is the ms of odeReceivedAt").isEqualTo(s.receivedAtMs());
        }
    }

    @Test
    void shouldReadOdeMapsInAllLayoutsAlike() throws IOException {
        MapData v8 = decodeFile("ode/map.json").get(0, MapData.class);
        Collected v9 = decodeFile("ode9/map.json");
        MapData v9first = v9.get(0, MapData.class);
        for (MapData m : List.of(v8, v9first)) {
            MapData.IntersectionGeometry ix = m.intersections().getFirst();
            assertThat(ix.id()).isEqualTo(12110);
            assertThat(ix.lanes()).hasSize(28);
            assertThat(ix.lanes()).flatExtracting(MapData.Lane::nodes).hasSize(103);
            assertThat(ix.lanes()).flatExtracting(MapData.Lane::connections)
                    .filteredOn(c -> c.signalGroup() == 0).hasSize(4);
            assertThat(ix.refLatitude()).isEqualTo(39.5952649);
            assertThat(ix.laneWidthM()).isEqualTo(3.66);
        }
        assertThat(v9first.intersections().getFirst().lanes()).isEqualTo(v8.intersections().getFirst().lanes());

        MapData.IntersectionGeometry dedup = v9.get(1, MapData.class).intersections().getFirst();
        assertThat(dedup.id()).isEqualTo(12115);
        assertThat(v9.get(1, MapData.class).msgIssueRevision()).isEqualTo(3);
        assertThat(dedup.lanes()).hasSize(15);
        MapData.IntersectionGeometry dump = v9.get(2, MapData.class).intersections().getFirst();
        assertThat(dump.id()).isEqualTo(12109);
        assertThat(dump.lanes()).hasSize(15);
        assertThat(dump.lanes()).filteredOn(l -> l.connections().isEmpty()).hasSizeGreaterThanOrEqualTo(6);
    }
}
