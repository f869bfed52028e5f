package org.trafficsafety.message;

/**
 * Rounds message values to the resolution J2735 transmits them in (1e-7°, 0.1 m, 0.02 m/s, 0.0125°, 0.01 m/s²,
 * 0.01 °/s, 1 cm). A rounded message renders exactly in every dialect — VCC's decimal numbers and ODE's raw
 * integers decode to the same doubles — so producers of synthetic messages (the simulator) round them as a
 * real device would. Each value is {@code round(v × units) / units}: the division gives the double nearest the
 * decimal value, which is what a decoder of either dialect produces.
 */
public final class J2735Precision {

    private J2735Precision() {
    }

    public static Bsm round(Bsm b) {
        return new Bsm(b.id(), b.msgCnt(), b.secMark(), b.eventTimeMs(), b.receivedAtMs(),
                degrees(b.latitude()), degrees(b.longitude()), step(b.elevationM(), 10.0),
                step(b.speedMps(), 50.0), heading(b.headingDeg()), step(b.accelLonMps2(), 100.0),
                step(b.accelLatMps2(), 100.0), step(b.yawRateDegS(), 100.0), b.wheelBrakes(),
                step(b.lengthM(), 100.0), step(b.widthM(), 100.0), b.source());
    }

    public static Psm round(Psm p) {
        return new Psm(p.id(), p.msgCnt(), p.secMark(), p.eventTimeMs(), p.receivedAtMs(), p.basicType(),
                degrees(p.latitude()), degrees(p.longitude()), step(p.elevationM(), 10.0), step(p.speedMps(), 50.0),
                heading(p.headingDeg()), p.source());
    }

    /** Rounds BSMs and PSMs; other messages are returned as they are. */
    public static Message round(Message m) {
        return switch (m) {
            case Bsm b -> round(b);
            case Psm p -> round(p);
            default -> m;
        };
    }

    private static double degrees(double v) {
        return step(v, 1e7);
    }

    private static double heading(double v) {
        double h = step(v, 80.0);
        return h >= 360.0 ? 0.0 : h;
    }

    private static double step(double v, double unitsPerSi) {
        return Double.isNaN(v) ? v : Math.round(v * unitsPerSi) / unitsPerSi;
    }
}
