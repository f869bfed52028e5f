package org.trafficsafety.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.trafficsafety.analysis.geometry.LocalFrame;

class OdeDecoderTest {

    private final OdeDecoder decoder = new OdeDecoder();

    @Test
    void shouldDecodeScaledV8BsmAndReadTheUnscaledUnavailableCode() {
        Collected c = Collected.decode(decoder, Collected.resource("ode/bsm.json"), 0L);

        assertThat(c.rejections).isEmpty();
        Bsm v8 = c.get(0, Bsm.class);
        assertThat(v8.id()).isEqualTo(0xA1B2C3D4L);
        assertThat(v8.msgCnt()).isEqualTo(9);
        // odeReceivedAt 00:00:30.250123 -> 1732406430250; secMark 30100 -> 00:00:30.100
        assertThat(v8.receivedAtMs()).isEqualTo(1_732_406_430_250L);
        assertThat(v8.eventTimeMs()).isEqualTo(1_732_406_430_100L);
        assertThat(v8.latitude()).isEqualTo(40.5);
        assertThat(v8.longitude()).isEqualTo(-105.0);
        assertThat(v8.elevationM()).isEqualTo(1500.2);
        assertThat(v8.speedMps()).isEqualTo(12.34);
        assertThat(v8.headingDeg()).isEqualTo(90.0);
        assertThat(v8.accelLatMps2()).as("accelLat 2001 is J2735's unavailable code").isNaN();
        assertThat(v8.accelLonMps2()).isEqualTo(-2.5);
        assertThat(v8.yawRateDegS()).isEqualTo(3.0);
        assertThat(v8.wheelBrakes()).as("rightFront (2) + rightRear (1)").isEqualTo(3);
        assertThat(v8.widthM()).isEqualTo(2.0);
        assertThat(v8.lengthM()).isEqualTo(5.0);
        assertThat(v8.source()).isEqualTo("10.0.0.7");
    }

    @Test
    void shouldDecodeRawV9BsmByShapeDespiteItsSchemaVersion6Label() {
        Bsm v9 = Collected.decode(decoder, Collected.resource("ode/bsm.json"), 0L).get(1, Bsm.class);

        assertThat(v9.id()).isEqualTo(42L);
        assertThat(v9.msgCnt()).isEqualTo(100);
        // received 00:01:00.000; secMark 59950 -> 00:00:59.950 (0.05 s before), not 00:01:59.950
        assertThat(v9.eventTimeMs()).isEqualTo(1_732_406_459_950L);
        assertThat(v9.latitude()).isEqualTo(40.5);
        assertThat(v9.longitude()).isEqualTo(-105.0);
        assertThat(v9.elevationM()).as("elev -4096").isNaN();
        assertThat(v9.speedMps()).as("speed 8191").isNaN();
        assertThat(v9.headingDeg()).as("heading 28800").isNaN();
        assertThat(v9.accelLonMps2()).as("long 2001").isNaN();
        assertThat(v9.accelLatMps2()).as("-150 x 0.01").isEqualTo(-1.5);
        assertThat(v9.yawRateDegS()).as("250 x 0.01").isEqualTo(2.5);
        assertThat(v9.wheelBrakes()).as("C0 = bits unavailable + leftFront = 16 + 8").isEqualTo(24);
        assertThat(v9.lengthM()).isNaN();
        assertThat(v9.widthM()).isNaN();
        assertThat(v9.source()).isEqualTo("ode");
    }

    @Test
    void shouldScaleRawPsmSpeedAndHeadingInBothLayouts() {
        Collected c = Collected.decode(decoder, Collected.resource("ode/psm.json"), 0L);

        Psm v8 = c.get(0, Psm.class);
        assertThat(v8.basicType()).isEqualTo(VruType.CYCLIST);
        assertThat(v8.id()).isEqualTo(0x2A11L);
        assertThat(v8.speedMps()).as("250 x 0.02").isEqualTo(5.0);
        assertThat(v8.headingDeg()).as("14400 x 0.0125").isEqualTo(180.0);
        assertThat(v8.latitude()).isEqualTo(38.9);
        // received 00:00:01.500, secMark 1000 -> 00:00:01.000
        assertThat(v8.eventTimeMs()).isEqualTo(1_732_406_401_000L);

        Psm v9 = c.get(1, Psm.class);
        assertThat(v9.basicType()).isEqualTo(VruType.PUBLIC_SAFETY_WORKER);
        assertThat(v9.id()).isEqualTo(0xFFFF_FFFFL);
        assertThat(v9.latitude()).isEqualTo(38.9);
        assertThat(v9.longitude()).isEqualTo(-77.2);
        assertThat(v9.elevationM()).as("1234 x 0.1").isEqualTo(123.4);
        assertThat(v9.speedMps()).isNaN();
        assertThat(v9.headingDeg()).as("80 x 0.0125").isEqualTo(1.0);
        assertThat(v9.secMark()).isEqualTo(Bsm.SEC_MARK_UNAVAILABLE);
        assertThat(v9.eventTimeMs()).isEqualTo(v9.receivedAtMs());
    }

    @Test
    void shouldResolveSpatTimeMarksAroundTheReceiptHour() {
        Collected c = Collected.decode(decoder, Collected.resource("ode/spat.json"), 0L);

        Spat v8 = c.get(0, Spat.class);
        // received 00:00:30.000 (1732406430000), hour start 1732406400000
        assertThat(v8.eventTimeMs()).isEqualTo(1_732_406_430_000L);
        Spat.IntersectionState ix = v8.intersections().getFirst();
        assertThat(ix.id()).isEqualTo(156);
        assertThat(ix.status()).as("failureFlash is bit 2 of 16, first most significant: 0x2000").isEqualTo(0x2000);
        // minEndTime 100 tenths -> hour start + 10 s
        assertThat(ix.states().get(0).events()).containsExactly(new Spat.MovementEvent(
                Spat.SignalPhase.PROTECTED_MOVEMENT_ALLOWED, 1_732_406_410_000L, Spat.TIME_UNKNOWN, Spat.TIME_UNKNOWN));
        // minEndTime 35950 -> 59:55 of the previous hour (35 s before receipt) = 1732406400000 - 5000;
        // likelyTime 35990 -> 59:59.0 = 1732406400000 - 1000; maxEndTime 36000 -> unknown
        assertThat(ix.states().get(1).events()).containsExactly(new Spat.MovementEvent(
                Spat.SignalPhase.STOP_AND_REMAIN, 1_732_406_395_000L, Spat.TIME_UNKNOWN, 1_732_406_399_000L));

        Spat v9 = c.get(1, Spat.class);
        assertThat(v9.eventTimeMs()).as("intersection timeStamp 29000").isEqualTo(1_732_406_429_000L);
        Spat.IntersectionState ix9 = v9.intersections().getFirst();
        assertThat(ix9.status()).isEqualTo(0x2000);
        assertThat(ix9.revision()).isEqualTo(2);
        // 400, 450, 420 tenths -> +40 s, +45 s, +42 s after the hour
        assertThat(ix9.states().getFirst()).isEqualTo(new Spat.MovementState(6, java.util.List.of(new Spat.MovementEvent(
                Spat.SignalPhase.PERMISSIVE_CLEARANCE, 1_732_406_440_000L, 1_732_406_445_000L, 1_732_406_442_000L))));
    }

    @Test
    void shouldTurnCentimetreNodeOffsetsIntoPointsTheLocalFrameMapsBack() {
        Collected c = Collected.decode(decoder, Collected.resource("ode/map.json"), 0L);

        MapData v8 = c.get(0, MapData.class);
        assertThat(v8.msgIssueRevision()).isEqualTo(3);
        MapData.IntersectionGeometry ix = v8.intersections().getFirst();
        assertThat(ix.laneWidthM()).as("366 cm").isEqualTo(3.66);
        MapData.Lane lane = ix.lanes().getFirst();
        assertThat(lane.ingress()).isTrue();
        assertThat(lane.egress()).isFalse();
        assertThat(lane.connections()).containsExactly(new MapData.Connection(6, 2));
        LocalFrame frame = new LocalFrame(ix.refLatitude(), ix.refLongitude());
        // node 1: (+100, -200) cm from refPoint; node 2: (0, -1000) cm from node 1 -> (1.0, -12.0) m
        assertThat(frame.east(lane.nodes().get(0).longitude())).isCloseTo(1.0, within(1e-6));
        assertThat(frame.north(lane.nodes().get(0).latitude())).isCloseTo(-2.0, within(1e-6));
        assertThat(frame.east(lane.nodes().get(1).longitude())).isCloseTo(1.0, within(1e-6));
        assertThat(frame.north(lane.nodes().get(1).latitude())).isCloseTo(-12.0, within(1e-6));

        MapData v9 = c.get(1, MapData.class);
        MapData.IntersectionGeometry ix9 = v9.intersections().getFirst();
        assertThat(v9.msgIssueRevision()).isEqualTo(4);
        assertThat(ix9.refLatitude()).isEqualTo(38.928411);
        assertThat(ix9.refLongitude()).isEqualTo(-77.241071);
        assertThat(ix9.laneWidthM()).isEqualTo(3.5);
        MapData.Lane crosswalk = ix9.lanes().getFirst();
        assertThat(crosswalk.laneType()).isEqualTo(MapData.LaneType.CROSSWALK);
        assertThat(crosswalk.egress()).isTrue();
        assertThat(crosswalk.ingress()).isFalse();
        assertThat(crosswalk.egressApproach()).isEqualTo(2);
        assertThat(crosswalk.connections()).isEmpty();
        LocalFrame frame9 = new LocalFrame(ix9.refLatitude(), ix9.refLongitude());
        assertThat(frame9.east(crosswalk.nodes().get(0).longitude())).isCloseTo(-5.0, within(1e-6));
        assertThat(crosswalk.nodes().get(1)).isEqualTo(new MapData.GeoPoint(38.929, -77.242));
    }

    @Nested
    class Rejections {

        @Test
        void shouldRejectOtherMessageTypesAsUnknownType() {
            Collected c = Collected.decode(decoder, """
                    {"metadata": {}, "payload": {"data": {"messageId": 31, "value": {"TravelerInformation": {}}}}}""", 0L);

            assertThat(c.rejections).extracting(Collected.Rejection::reason).containsExactly(RejectReason.UNKNOWN_TYPE);
        }

        @Test
        void shouldReadAV8PsmWhoseSpeedComesBeforeItsBasicTypeAndCallOtherPayloadsUnknown() {
            Collected c = Collected.decode(decoder, """
                    [{"payload": {"data": {"speed": 100, "heading": 800, "basicType": "aPEDESTRIAN", "id": "0000000B",
                      "msgCnt": 1, "secMark": 0, "position": {"latitude": 1.5, "longitude": 2.5, "elevation": 10.5}}}},
                     {"payload": {"data": {"msgCnt": 3, "timeStamp": 1, "packetID": "00", "urlB": "null"}}}]""", 0L);

            Psm psm = c.get(0, Psm.class);
            assertThat(psm.speedMps()).as("100 x 0.02").isEqualTo(2.0);
            assertThat(psm.headingDeg()).as("800 x 0.0125").isEqualTo(10.0);
            assertThat(psm.elevationM()).isEqualTo(10.5);
            assertThat(c.rejections).extracting(Collected.Rejection::reason).containsExactly(RejectReason.UNKNOWN_TYPE);
        }

        @Test
        void shouldRejectBadHexIdsAndOutOfRangeRawLatitude() {
            Collected c = Collected.decode(decoder, """
                    [{"payload": {"data": {"coreData": {"msgCnt": 1, "id": "XYZ", "position": {"latitude": 1, "longitude": 1}}}}},
                     {"payload": {"data": {"messageId": 20, "value": {"BasicSafetyMessage": {"coreData":
                       {"msgCnt": 1, "id": "0000002A", "lat": 950000000, "long": 0}}}}}},
                     {"payload": {"data": {"messageId": 20, "value": {"BasicSafetyMessage": {"coreData":
                       {"msgCnt": 1, "id": "0000002A", "lat": 900000001, "long": 0}}}}}}]""", 0L);

            assertThat(c.rejections).extracting(Collected.Rejection::reason).containsExactly(
                    RejectReason.MALFORMED, RejectReason.OUT_OF_RANGE, RejectReason.MISSING_POSITION);
        }

        @Test
        void shouldRejectAnUnknownEventStateAndTimeMarkBeyondTheSchema() {
            Collected c = Collected.decode(decoder, """
                    [{"payload": {"data": {"messageId": 19, "value": {"SPAT": {"intersections": [{"id": {"id": 1},
                       "revision": 0, "status": "0000", "states": [{"signalGroup": 1, "state-time-speed":
                       [{"eventState": "purple", "timing": {"minEndTime": 1}}]}]}]}}}}},
                     {"payload": {"data": {"messageId": 19, "value": {"SPAT": {"intersections": [{"id": {"id": 1},
                       "revision": 0, "status": "0000", "states": [{"signalGroup": 1, "state-time-speed":
                       [{"eventState": "dark", "timing": {"minEndTime": 40000}}]}]}]}}}}}]""", 0L);

            assertThat(c.rejections).extracting(Collected.Rejection::reason)
                    .containsExactly(RejectReason.MALFORMED, RejectReason.OUT_OF_RANGE);
            assertThat(c.rejections).extracting(Collected.Rejection::type).containsOnly(MessageType.SPAT);
        }

        @Test
        void shouldRejectMapWithoutRefPointAsMissingPosition() {
            Collected c = Collected.decode(decoder, """
                    {"payload": {"data": {"messageId": 18, "value": {"MapData": {"msgIssueRevision": 1,
                      "intersections": [{"id": {"id": 3}, "revision": 0, "laneSet": []}]}}}}}""", 0L);

            assertThat(c.rejections).extracting(Collected.Rejection::reason).containsExactly(RejectReason.MISSING_POSITION);
        }
    }
}
