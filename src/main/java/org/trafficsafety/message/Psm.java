package org.trafficsafety.message;

/**
 * Personal Safety Message of a vulnerable road user.
 *
 * @param id          the 4-byte TemporaryID as an unsigned value (VCC PSM ids exceed 2^31)
 * @param msgCnt      0..127
 * @param secMark     ms within the minute (0..60999), or {@link Bsm#SEC_MARK_UNAVAILABLE}
 * @param basicType   pedestrian, cyclist, ...
 * @param latitude    degrees
 * @param longitude   degrees
 * @param elevationM  metres, NaN if unavailable
 * @param speedMps    m/s (ODE's raw 0.02 m/s units already scaled), NaN if unavailable
 * @param headingDeg  degrees in [0, 360) (ODE's raw 0.0125 deg units already scaled), NaN if unavailable
 * @param source      where it came from, never null
 */
public record Psm(
        long id,
        int msgCnt,
        int secMark,
        long eventTimeMs,
        long receivedAtMs,
        VruType basicType,
        double latitude,
        double longitude,
        double elevationM,
        double speedMps,
        double headingDeg,
        String source) implements Message {

    public Psm {
        if (basicType == null || source == null) {
            throw new IllegalArgumentException("basicType and source must not be null");
        }
    }

    @Override
    public MessageType type() {
        return MessageType.PSM;
    }
}
