package org.trafficsafety.message;

/**
 * Basic Safety Message core data.
 *
 * @param id            the 4-byte TemporaryID as an unsigned value (0 .. 2^32-1); VCC sends it as an integer,
 *                      ODE as 8 hex digits
 * @param msgCnt        0..127
 * @param secMark       ms within the minute (0..60999), or {@link #SEC_MARK_UNAVAILABLE}
 * @param latitude      degrees, WGS-84
 * @param longitude     degrees, WGS-84
 * @param elevationM    metres, NaN if unavailable
 * @param speedMps      m/s, NaN if unavailable
 * @param headingDeg    degrees clockwise from north in [0, 360), NaN if unavailable
 * @param accelLonMps2  longitudinal acceleration m/s^2 (negative = braking), NaN if unavailable
 * @param accelLatMps2  lateral acceleration m/s^2, NaN if unavailable
 * @param yawRateDegS   yaw rate deg/s, NaN if unavailable
 * @param wheelBrakes   J2735 BrakeAppliedStatus as a 5-bit integer, first named bit most significant:
 *                      16 unavailable, 8 leftFront, 4 leftRear, 2 rightFront, 1 rightRear (VCC's encoding)
 * @param lengthM       vehicle length m, NaN if unavailable
 * @param widthM        vehicle width m, NaN if unavailable
 * @param source        where it came from (VCC locationName or rsuName, ODE originIp, "simulator"), never null
 */
public record Bsm(
        long id,
        int msgCnt,
        int secMark,
        long eventTimeMs,
        long receivedAtMs,
        double latitude,
        double longitude,
        double elevationM,
        double speedMps,
        double headingDeg,
        double accelLonMps2,
        double accelLatMps2,
        double yawRateDegS,
        int wheelBrakes,
        double lengthM,
        double widthM,
        String source) implements Message {

    public static final int SEC_MARK_UNAVAILABLE = 65535;
    public static final int WHEEL_BRAKES_UNAVAILABLE = 16;

    public Bsm {
        if (source == null) {
            throw new IllegalArgumentException("source must not be null");
        }
    }

    @Override
    public MessageType type() {
        return MessageType.BSM;
    }
}
