package org.trafficsafety.analysis.conflict;

/** The minimum of one surrogate measure (TTC or PET) over an encounter, with the pair's state at that moment. */
final class Measure {

    double valueS = Double.NaN;
    long atMs;
    double headingDifferenceDeg;
    double midEastM;
    double midNorthM;
    double firstSpeedMps;
    double secondSpeedMps;

    boolean isSet() {
        return !Double.isNaN(valueS);
    }

    void offer(double valueS, long atMs, double headingDifferenceDeg, double midEastM, double midNorthM,
               double firstSpeedMps, double secondSpeedMps) {
        if (isSet() && !(valueS < this.valueS)) {
            return;
        }
        this.valueS = valueS;
        this.atMs = atMs;
        this.headingDifferenceDeg = headingDifferenceDeg;
        this.midEastM = midEastM;
        this.midNorthM = midNorthM;
        this.firstSpeedMps = firstSpeedMps;
        this.secondSpeedMps = secondSpeedMps;
    }

    void offer(Measure other) {
        if (other.isSet()) {
            offer(other.valueS, other.atMs, other.headingDifferenceDeg, other.midEastM, other.midNorthM,
                    other.firstSpeedMps, other.secondSpeedMps);
        }
    }

    void clear() {
        valueS = Double.NaN;
    }
}
