package org.trafficsafety.analysis.index;

/**
 * The Empirical-Bayes prior of one intersection and hour of day: the mean raw indices over the trailing 28 days.
 *
 * @param hours how many hours of history the means stand on (the provider's fallbacks depend on it)
 */
public record EbPrior(double vruIndex, double vehicleIndex, double combinedIndex, int hours) {

    public EbPrior {
        for (double v : new double[] {vruIndex, vehicleIndex, combinedIndex}) {
            if (!(v >= 0 && v <= 100)) {
                throw new IllegalArgumentException("prior indices must be within 0..100, were " + vruIndex + ", "
                        + vehicleIndex + ", " + combinedIndex);
            }
        }
        if (hours < 1) {
            throw new IllegalArgumentException("a prior needs at least one hour of history, had " + hours);
        }
    }
}
