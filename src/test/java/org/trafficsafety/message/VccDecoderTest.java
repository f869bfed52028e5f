package org.trafficsafety.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class VccDecoderTest {

    private final VccDecoder decoder = new VccDecoder();

    @Test
    void shouldDecodeAWebSocketFrameOfBsmsWithRollOverNullsAndARangeRejection() {
        Collected c = Collected.decode(decoder, Collected.resource("vcc/bsm-frame.json"), 0L);

        assertThat(c.messages).hasSize(2);
        Bsm full = c.get(0, Bsm.class);
        assertThat(full.id()).isEqualTo(4_294_967_295L);
        assertThat(full.msgCnt()).isEqualTo(127);
        assertThat(full.secMark()).isEqualTo(100);
        assertThat(full.receivedAtMs()).isEqualTo(1_732_406_459_800L);
        // received 00:00:59.800; secMark 100 -> 00:00:00.100 (59.7 s before) or 00:01:00.100 (0.3 s after)
        assertThat(full.eventTimeMs()).isEqualTo(1_732_406_460_100L);
        assertThat(full.latitude()).isEqualTo(38.9284);
        assertThat(full.longitude()).isEqualTo(-77.24107);
        assertThat(full.elevationM()).isEqualTo(95.5);
        assertThat(full.speedMps()).isEqualTo(13.399999);
        assertThat(full.headingDeg()).isEqualTo(271.5);
        assertThat(full.accelLonMps2()).isEqualTo(-3.2);
        assertThat(full.accelLatMps2()).isEqualTo(0.4);
        assertThat(full.yawRateDegS()).isEqualTo(1.5);
        assertThat(full.wheelBrakes()).isEqualTo(8);
        assertThat(full.widthM()).isEqualTo(1.8);
        assertThat(full.lengthM()).isEqualTo(4.7);
        assertThat(full.source()).isEqualTo("US-29 & Nutley");

        Bsm sparse = c.get(1, Bsm.class);
        assertThat(sparse.id()).isEqualTo(9703L);
        assertThat(sparse.secMark()).isEqualTo(Bsm.SEC_MARK_UNAVAILABLE);
        assertThat(sparse.eventTimeMs()).isEqualTo(sparse.receivedAtMs());
        assertThat(sparse.elevationM()).isNaN();
        assertThat(sparse.speedMps()).isNaN();
        assertThat(sparse.headingDeg()).isNaN();
        assertThat(sparse.accelLonMps2()).isNaN();
        assertThat(sparse.accelLatMps2()).isNaN();
        assertThat(sparse.wheelBrakes()).isEqualTo(Bsm.WHEEL_BRAKES_UNAVAILABLE);
        assertThat(sparse.lengthM()).isNaN();
        assertThat(sparse.widthM()).isNaN();
        assertThat(sparse.source()).isEqualTo("From_WebSocket");

        assertThat(c.rejections).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo(MessageType.BSM);
            assertThat(r.reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
            assertThat(r.detail()).contains("speed");
        });
    }

    @Test
    void shouldDecodeAPsmWithAnIdAbove2To31AndRollBackToThePreviousMinute() {
        Psm psm = Collected.decode(decoder, Collected.resource("vcc/psm.json"), 0L).only(Psm.class);

        assertThat(psm.id()).isEqualTo(3_000_000_000L);
        assertThat(psm.basicType()).isEqualTo(VruType.CYCLIST);
        assertThat(psm.msgCnt()).isEqualTo(12);
        // received 00:00:00.200; secMark 59900 -> 23:59:59.900 of the previous minute (0.3 s before)
        assertThat(psm.eventTimeMs()).isEqualTo(1_732_406_399_900L);
        assertThat(psm.latitude()).isEqualTo(37.18701);
        assertThat(psm.longitude()).isEqualTo(-80.39503);
        assertThat(psm.elevationM()).isNaN();
        assertThat(psm.speedMps()).isEqualTo(1.66);
        assertThat(psm.headingDeg()).isEqualTo(334.1);
        assertThat(psm.source()).isEqualTo("Prices Fork & Toms Creek");
    }

    @Test
    void shouldDecodeSpatStringsWithEpochTimesAndUnknownMarkers() {
        long receivedAt = 1_732_406_431_000L; // 00:00:31.000
        Collected c = Collected.decode(decoder, Collected.resource("vcc/spat-strings.json"), receivedAt);

        assertThat(c.rejections).isEmpty();
        Spat first = c.get(0, Spat.class);
        // intersection timeStamp 30000 ms in the minute of 00:00:31 -> 00:00:30.000
        assertThat(first.eventTimeMs()).isEqualTo(1_732_406_430_000L);
        Spat.IntersectionState ix = first.intersections().getFirst();
        assertThat(ix.id()).isEqualTo(156);
        assertThat(ix.revision()).isEqualTo(7);
        assertThat(ix.states()).extracting(Spat.MovementState::signalGroup).containsExactly(2, 4);
        assertThat(ix.states().get(0).events()).containsExactly(new Spat.MovementEvent(
                Spat.SignalPhase.PROTECTED_MOVEMENT_ALLOWED, 1_732_406_410_000L, Spat.TIME_UNKNOWN, Spat.TIME_UNKNOWN));
        assertThat(ix.states().get(1).events()).containsExactly(new Spat.MovementEvent(
                Spat.SignalPhase.STOP_AND_REMAIN, Spat.TIME_UNKNOWN, 1_732_406_455_000L, 1_732_406_440_000L));

        Spat second = c.get(1, Spat.class);
        assertThat(second.eventTimeMs()).isEqualTo(receivedAt);
        assertThat(second.intersections().getFirst().states().getFirst().signalGroup()).isEqualTo(32);
        assertThat(second.intersections().getFirst().states().getFirst().events().getFirst().phase())
                .isEqualTo(Spat.SignalPhase.PERMISSIVE_CLEARANCE);
    }

    @Test
    void shouldDecodeMapDataWithAbsoluteNodesDirectionsAndLaneTypes() {
        MapData map = Collected.decode(decoder, Collected.resource("vcc/mapdata.json"), 1_000L).only(MapData.class);

        assertThat(map.msgIssueRevision()).isEqualTo(5);
        assertThat(map.eventTimeMs()).isEqualTo(1_000L);
        MapData.IntersectionGeometry ix = map.intersections().getFirst();
        assertThat(ix.id()).isEqualTo(156);
        assertThat(ix.region()).isZero();
        assertThat(ix.name()).isEqualTo("Chain Bridge & Old Courthouse");
        assertThat(ix.refLatitude()).isEqualTo(38.928411);
        assertThat(ix.refLongitude()).isEqualTo(-77.241071);
        assertThat(ix.laneWidthM()).isEqualTo(3.66);
        MapData.Lane ingress = ix.lanes().get(0);
        assertThat(ingress.laneType()).isEqualTo(MapData.LaneType.VEHICLE);
        assertThat(ingress.ingress()).isTrue();
        assertThat(ingress.egress()).isFalse();
        assertThat(ingress.ingressApproach()).isEqualTo(1);
        assertThat(ingress.nodes()).containsExactly(new MapData.GeoPoint(38.92835, -77.24105),
                new MapData.GeoPoint(38.92790, -77.24102));
        assertThat(ingress.connections()).containsExactly(new MapData.Connection(5, 2), new MapData.Connection(9, 0));
        MapData.Lane crosswalk = ix.lanes().get(1);
        assertThat(crosswalk.laneType()).isEqualTo(MapData.LaneType.CROSSWALK);
        assertThat(crosswalk.ingress()).isTrue();
        assertThat(crosswalk.egress()).isTrue();
        assertThat(crosswalk.connections()).isEmpty();
    }

    @Nested
    class Rejections {

        @Test
        void shouldRejectMissingPositionAndMissingId() {
            Collected c = Collected.decode(decoder, """
                    [{"timestamp": 1, "bsmJson": {"coreData": {"msgCnt": 1, "id": 5, "lat": null, "lon": 1.0}}},
                     {"timestamp": 1, "bsmJson": {"coreData": {"msgCnt": 1, "lat": 1.0, "lon": 1.0}}}]""", 0L);

            assertThat(c.rejections).extracting(Collected.Rejection::reason)
                    .containsExactly(RejectReason.MISSING_POSITION, RejectReason.MISSING_ID);
        }

        @Test
        void shouldRejectLeapSecondSecMarksAndOutOfRangeLatitude() {
            Collected c = Collected.decode(decoder, """
                    [{"timestamp": 1, "bsmJson": {"coreData": {"msgCnt": 1, "id": 5, "secMark": 60500, "lat": 1.0, "lon": 1.0}}},
                     {"timestamp": 1, "psmJson": {"basicType": 1, "msgCnt": 1, "id": 5, "position": {"lat": 91.0, "lon": 1.0}}},
                     {"timestamp": 1, "psmJson": {"basicType": 9, "msgCnt": 1, "id": 5, "position": {"lat": 1.0, "lon": 1.0}}}]""", 0L);

            assertThat(c.rejections).extracting(Collected.Rejection::reason).containsOnly(RejectReason.OUT_OF_RANGE);
            assertThat(c.rejections).extracting(Collected.Rejection::type)
                    .containsExactly(MessageType.BSM, MessageType.PSM, MessageType.PSM);
        }

        @Test
        void shouldTellUnknownTypesFromMalformedInput() {
            Collected c = Collected.decode(decoder, """
                    [{"timestamp": 1, "rsuName": "x", "srmJson": {}}, {"hello": 1}, 42, {"timestamp": 1, "bsmJ2735": "AAAA"}]""", 0L);

            assertThat(c.rejections).extracting(Collected.Rejection::reason).containsExactly(
                    RejectReason.UNKNOWN_TYPE, RejectReason.MALFORMED, RejectReason.MALFORMED, RejectReason.MALFORMED);
        }

        @Test
        void shouldReportOneMalformedForATruncatedArrayAfterTheCompleteMessages() {
            String frame = Collected.resource("vcc/bsm-frame.json");
            Collected c = Collected.decode(decoder, frame.substring(0, frame.indexOf("\"timestamp\": 1732406400000")), 0L);

            assertThat(c.messages).hasSize(1);
            assertThat(c.rejections).extracting(Collected.Rejection::reason).containsExactly(RejectReason.MALFORMED);
        }

        @Test
        void shouldReadAStringWhereANumberBelongsAsMalformed() {
            Collected c = Collected.decode(decoder,
                    "{\"timestamp\": 1, \"bsmJson\": {\"coreData\": {\"msgCnt\": 1, \"id\": 5, \"lat\": \"x\", \"lon\": 1}}}", 0L);

            assertThat(c.rejections).extracting(Collected.Rejection::reason).containsExactly(RejectReason.MALFORMED);
        }
    }

    @Test
    void shouldAcceptAPsmBasicTypeGivenByName() {
        Psm psm = Collected.decode(decoder, """
                {"timestamp": 1000, "psmJson": {"basicType": "aPEDALCYCLIST", "msgCnt": 1, "id": 10722,
                 "position": {"lat": 37.2, "lon": -80.4}, "speed": 4.08, "heading": 73.2375}}""", 0L).only(Psm.class);

        assertThat(psm.basicType()).isEqualTo(VruType.CYCLIST);
        assertThat(psm.speedMps()).isEqualTo(4.08);
    }

    @Test
    void shouldReuseOneSourceStringForRepeatedLocationNames() {
        String frame = Collected.resource("vcc/bsm-frame.json");
        Bsm first = Collected.decode(decoder, frame, 0L).get(0, Bsm.class);
        Bsm again = Collected.decode(decoder, frame, 0L).get(0, Bsm.class);

        assertThat(again.source()).isEqualTo("US-29 & Nutley").isSameAs(first.source());
    }

    @Test
    void shouldKeepFloat32NoiseWithinTolerance() {
        Bsm bsm = Collected.decode(decoder, """
                {"timestamp": 1000, "bsmJson": {"coreData": {"msgCnt": 1, "id": 700295, "lat": 38.9, "lon": -77.2,
                 "speed": 14.799999, "heading": 93.950005}}}""", 0L).only(Bsm.class);

        assertThat(bsm.speedMps()).isCloseTo(14.8, within(1e-5));
        assertThat(bsm.headingDeg()).isCloseTo(93.95, within(1e-5));
        assertThat(List.of(bsm.elevationM(), bsm.accelLonMps2(), bsm.yawRateDegS())).allMatch(d -> d.isNaN());
    }
}
