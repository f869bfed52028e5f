package org.trafficsafety.message;

import tools.jackson.databind.JsonNode;

/**
 * The mutable scratch one decoder run fills for one message object: what the streaming readers found, then
 * either the built {@link #message} or the first rejection. Reset per message, so a document of many messages
 * allocates it once.
 */
final class Decoded {

    static final double MAX_SPEED_MPS = 90.0;
    static final double MAX_ACCEL_MPS2 = 20.0;
    static final double MAX_YAW_DEG_S = 327.67;
    static final double MIN_ELEVATION_M = -409.5;
    static final double MAX_ELEVATION_M = 6143.9;
    static final long MAX_TEMPORARY_ID = 0xFFFF_FFFFL;

    MessageType type;
    RejectReason reason;
    String detail;
    Message message;

    long receivedAtMs;
    String locationName;
    String rsuName;
    String originIp;
    boolean sawUperOnly;
    boolean sawMetadata;

    boolean hasId;
    long id;
    int msgCnt;
    int secMark;
    double latitude;
    double longitude;
    double elevationM;
    double speedMps;
    double headingDeg;
    double accelLonMps2;
    double accelLatMps2;
    double yawRateDegS;
    int wheelBrakes;
    double lengthCm;
    double widthCm;
    VruType basicType;

    JsonNode tree;
    /** ODE schemaVersion 9 layout (raw J2735 integers, ASN.1 names). */
    boolean frame;
    int msgIssueRevision;
    boolean hasMsgIssueRevision;

    void reset(long defaultReceivedAtMs) {
        type = null;
        reason = null;
        detail = null;
        message = null;
        receivedAtMs = defaultReceivedAtMs;
        locationName = null;
        rsuName = null;
        originIp = null;
        sawUperOnly = false;
        sawMetadata = false;
        hasId = false;
        id = 0;
        msgCnt = -1;
        secMark = Bsm.SEC_MARK_UNAVAILABLE;
        latitude = Double.NaN;
        longitude = Double.NaN;
        elevationM = Double.NaN;
        speedMps = Double.NaN;
        headingDeg = Double.NaN;
        accelLonMps2 = Double.NaN;
        accelLatMps2 = Double.NaN;
        yawRateDegS = Double.NaN;
        wheelBrakes = Bsm.WHEEL_BRAKES_UNAVAILABLE;
        lengthCm = Double.NaN;
        widthCm = Double.NaN;
        basicType = VruType.UNAVAILABLE;
        tree = null;
        frame = false;
        msgIssueRevision = 0;
        hasMsgIssueRevision = false;
    }

    /** Records a rejection; the first one wins. */
    void reject(RejectReason why, String what) {
        if (reason == null) {
            reason = why;
            detail = what;
        }
    }

    void setId(long value) {
        if (value < 0 || value > MAX_TEMPORARY_ID) {
            reject(RejectReason.OUT_OF_RANGE, "id outside 0..4294967295");
        } else {
            hasId = true;
            id = value;
        }
    }

    /** Builds the BSM or PSM from the vehicle fields, or records why not. */
    void finishVehicle(String source) {
        validateVehicle();
        if (reason != null) {
            return;
        }
        long eventTimeMs = EventTime.fromSecMark(secMark, receivedAtMs);
        if (type == MessageType.BSM) {
            message = new Bsm(id, msgCnt, secMark, eventTimeMs, receivedAtMs, latitude, longitude, elevationM,
                    speedMps, headingDeg, accelLonMps2, accelLatMps2, yawRateDegS, wheelBrakes,
                    cmToM(lengthCm), cmToM(widthCm), source);
        } else {
            message = new Psm(id, msgCnt, secMark, eventTimeMs, receivedAtMs, basicType, latitude, longitude,
                    elevationM, speedMps, headingDeg, source);
        }
    }

    private void validateVehicle() {
        if (reason != null) {
            return;
        }
        if (!hasId) {
            reject(RejectReason.MISSING_ID, "id missing");
        } else if (Double.isNaN(latitude) || Double.isNaN(longitude)) {
            reject(RejectReason.MISSING_POSITION, "latitude/longitude missing or unavailable");
        } else if (msgCnt < 0 || msgCnt > 127) {
            reject(msgCnt == -1 ? RejectReason.MALFORMED : RejectReason.OUT_OF_RANGE, "msgCnt missing or outside 0..127");
        } else if (secMark != Bsm.SEC_MARK_UNAVAILABLE && !EventTime.isValidSecMark(secMark)) {
            reject(RejectReason.OUT_OF_RANGE, "secMark outside 0..59999 and not 65535");
        } else if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
            reject(RejectReason.OUT_OF_RANGE, "latitude/longitude outside WGS-84 range");
        } else if (speedMps < 0 || speedMps > MAX_SPEED_MPS) {
            reject(RejectReason.OUT_OF_RANGE, "speed outside 0..90 m/s");
        } else if (headingDeg < 0 || headingDeg >= 360) {
            reject(RejectReason.OUT_OF_RANGE, "heading outside [0, 360) degrees");
        } else if (Math.abs(accelLonMps2) > MAX_ACCEL_MPS2 || Math.abs(accelLatMps2) > MAX_ACCEL_MPS2) {
            reject(RejectReason.OUT_OF_RANGE, "acceleration beyond 20 m/s^2");
        } else if (Math.abs(yawRateDegS) > MAX_YAW_DEG_S) {
            reject(RejectReason.OUT_OF_RANGE, "yaw rate beyond 327.67 deg/s");
        } else if (elevationM < MIN_ELEVATION_M || elevationM > MAX_ELEVATION_M) {
            reject(RejectReason.OUT_OF_RANGE, "elevation outside -409.5..6143.9 m");
        } else if (lengthCm < 0 || lengthCm > 4095 || widthCm < 0 || widthCm > 1023) {
            reject(RejectReason.OUT_OF_RANGE, "size outside 0..4095 x 0..1023 cm");
        } else if (wheelBrakes < 0 || wheelBrakes > 31) {
            reject(RejectReason.OUT_OF_RANGE, "wheelBrakes outside 5 bits");
        }
    }

    /** Size 0 cm means unavailable in every dialect. */
    private static double cmToM(double cm) {
        return cm > 0 ? cm / 100.0 : Double.NaN;
    }
}
