package org.trafficsafety.simulation;

import java.util.Arrays;

/**
 * How demand varies over the day: one factor per hour of day (UTC here, as all simulated times), multiplying the
 * peak-hour rates of {@link SimulationConfig.Demand}. The default is a weekday profile of a suburban arterial with
 * an AM peak at 08:00, a PM peak at 17:00, a midday plateau at about 65 % and a night low of 8 %.
 */
public record DemandProfile(double[] hourlyFactors) {

    private static final double[] WEEKDAY = {
            0.15, 0.10, 0.08, 0.08, 0.12, 0.30, 0.60, 0.95, 1.00, 0.75, 0.60, 0.62,
            0.68, 0.65, 0.68, 0.80, 0.95, 1.00, 0.80, 0.60, 0.45, 0.38, 0.28, 0.20};

    public DemandProfile {
        if (hourlyFactors == null || hourlyFactors.length != 24) {
            throw new IllegalArgumentException("a demand profile needs 24 hourly factors");
        }
        for (double f : hourlyFactors) {
            if (!(f >= 0 && f <= 10)) {
                throw new IllegalArgumentException("hourly factor " + f + " outside [0, 10]");
            }
        }
        hourlyFactors = hourlyFactors.clone();
    }

    public static DemandProfile weekday() {
        return new DemandProfile(WEEKDAY);
    }

    /** A profile with the same factor in every hour. */
    public static DemandProfile flat(double factor) {
        double[] f = new double[24];
        Arrays.fill(f, factor);
        return new DemandProfile(f);
    }

    public double factor(int hourOfDay) {
        return hourlyFactors[hourOfDay];
    }

    @Override
    public double[] hourlyFactors() {
        return hourlyFactors.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DemandProfile p && Arrays.equals(hourlyFactors, p.hourlyFactors);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hourlyFactors);
    }

    @Override
    public String toString() {
        return "DemandProfile" + Arrays.toString(hourlyFactors);
    }
}
