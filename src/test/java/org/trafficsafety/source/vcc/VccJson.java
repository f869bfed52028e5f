package org.trafficsafety.source.vcc;

import java.util.Locale;

/** VCC JSON documents in the shapes of the VCC Public API v3.1 examples, with the values a test chooses. */
final class VccJson {

    private VccJson() {
    }

    static String bsm(long id, int msgCnt, int secMark, long timestampMs) {
        return String.format(Locale.ROOT, """
                {"timestamp":%d,"rsuName":"From_WebSocket","format":"JSON","locationName":"US-29 & Nutley",\
                "bsmJson":{"coreData":{"msgCnt":%d,"id":%d,"secMark":%d,"lat":38.9284,"lon":-77.2410,"elev":84.1,\
                "accuracy":{"semiMajor":3,"semiMinor":4,"orientation":5},"transmission":2,"speed":10.4,"heading":92.7,\
                "angle":4.5,"accelSet":{"lon":-0.5,"lat":0.2,"vert":0.0,"yaw":0.4},"brakes":{"wheelBrakes":0,\
                "traction":1,"abs":1,"scs":1,"brakeBoost":1,"auxBrakes":1},"size":{"width":180,"length":480}}}}""",
                timestampMs, msgCnt, id, secMark);
    }

    static String psm(long id, int msgCnt, int secMark, long timestampMs) {
        return String.format(Locale.ROOT, """
                {"timestamp":%d,"rsuName":"From_WebSocket","format":"V2016_PLUS","locationName":"US-29 & Nutley",\
                "psmJson":{"basicType":1,"secMark":%d,"msgCnt":%d,"id":%d,"position":{"lat":38.9283,"lon":-77.2411,\
                "elev":null},"accuracy":{"semiMajor":1.0,"semiMinor":1.0,"orientation":0.0},"speed":1.4,\
                "heading":180.0,"accelSet":null}}""", timestampMs, secMark, msgCnt, id);
    }

    static String mapData(int intersectionId) {
        return String.format(Locale.ROOT, """
                {"timeStamp":null,"msgIssueRevision":3,"intersections":[{"name":null,"id":{"region":null,"id":%d},\
                "revision":3,"refPoint":{"lat":38.928411,"lon":-77.241071,"elevation":null},"laneWidth":3.66,\
                "speedLimits":null,"laneSet":[{"laneID":1,"name":null,"ingressApproach":1,"egressApproach":null,\
                "laneAttributes":{"directionalUse":2,"sharedWith":0,"laneType":{"vehicle":0,"crosswalk":null,\
                "bikeLane":null,"sidewalk":null,"median":null,"striping":null,"trackedVehicle":null,"parking":null}},\
                "maneuvers":512,"nodesList":{"nodes":[{"delta":{"lat":38.92830,"lon":-77.24100}},\
                {"delta":{"lat":38.92780,"lon":-77.24100}}]},"connectsTo":[{"connectingLane":{"lane":5,\
                "maneuver":null},"signalGroup":2}]}]}]}""", intersectionId);
    }

    /** A SPaT JSON_COMPLETE object (the server serves it as a string). */
    static String spat(int intersectionId, long minEndMs) {
        return String.format(Locale.ROOT, """
                {"timeStamp":null,"name":null,"intersections":[{"name":null,"id":{"region":null,"id":%d},\
                "revision":1,"status":0,"moy":89316,"timeStamp":null,"enabledLanes":null,"states":[{"movementName":null,\
                "signalGroup":2,"stateTimeSpeed":[{"eventState":6,"timing":{"startTimeStamp":null,\
                "minEndTimeStamp":%d,"maxEndTimeStamp":36001,"likelyTimeStamp":null,"confidence":null},\
                "speeds":null}]}]}]}""", intersectionId, minEndMs);
    }
}
