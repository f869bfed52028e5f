package org.trafficsafety.analysis;

import java.time.Duration;
import java.util.Map;
import org.trafficsafety.analysis.conflict.ConflictParameters;
import org.trafficsafety.analysis.feature.FeatureSettings;
import org.trafficsafety.analysis.index.IndexWeights;
import org.trafficsafety.analysis.index.SafetyIndexCalculator;
import org.trafficsafety.analysis.zone.IntersectionRegistry;

/**
 * Everything the {@link AnalysisEngine} can be tuned with, validated once here.
 *
 * @param lateness           how far behind an intersection's newest event time a message may arrive and still be
 *                           analyzed (default 10 s); a minute closes once the newest event time passes its end by
 *                           this much
 * @param zoneRadiusM        zone radius of intersections registered from MapData (default 120 m)
 * @param laneMarginM        margin around MapData lane envelopes (default 10 m)
 * @param aliases            VCC {@code locationName} → intersection id (default none)
 * @param ebK                Empirical-Bayes k (default 50 road users; env {@code EB_K})
 * @param weights            index weights for newly computed constants and the shipped defaults (the engine uses
 *                           the weights stored with the constants it applies, so every row is reproducible)
 * @param features           hard-braking thresholds and the like
 * @param conflicts          the conflict detector's thresholds
 */
public record AnalysisSettings(
        Duration lateness,
        double zoneRadiusM,
        double laneMarginM,
        Map<String, Integer> aliases,
        double ebK,
        IndexWeights weights,
        FeatureSettings features,
        ConflictParameters conflicts) {

    public static final Duration DEFAULT_LATENESS = Duration.ofSeconds(10);

    public AnalysisSettings {
        if (lateness == null || lateness.isNegative() || lateness.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("lateness must be within 0..10 min, was " + lateness);
        }
        if (!(zoneRadiusM > 0) || !(laneMarginM >= 0) || !(ebK > 0) || Double.isInfinite(ebK)) {
            throw new IllegalArgumentException("need zone radius > 0 m (" + zoneRadiusM + "), lane margin >= 0 m ("
                    + laneMarginM + ") and finite EB k > 0 (" + ebK + ")");
        }
        if (aliases == null || weights == null || features == null || conflicts == null) {
            throw new IllegalArgumentException("aliases, weights, features and conflicts must not be null");
        }
        aliases = Map.copyOf(aliases);
    }

    /** The design's defaults. */
    public static AnalysisSettings defaults() {
        return new AnalysisSettings(DEFAULT_LATENESS, Intersection.DEFAULT_ZONE_RADIUS_M,
                IntersectionRegistry.DEFAULT_LANE_MARGIN_M, Map.of(), SafetyIndexCalculator.DEFAULT_EB_K,
                IndexWeights.defaults(), FeatureSettings.defaults(), ConflictParameters.defaults());
    }

    public AnalysisSettings withLateness(Duration newLateness) {
        return new AnalysisSettings(newLateness, zoneRadiusM, laneMarginM, aliases, ebK, weights, features, conflicts);
    }

    public AnalysisSettings withAliases(Map<String, Integer> newAliases) {
        return new AnalysisSettings(lateness, zoneRadiusM, laneMarginM, newAliases, ebK, weights, features, conflicts);
    }

    public AnalysisSettings withEbK(double newEbK) {
        return new AnalysisSettings(lateness, zoneRadiusM, laneMarginM, aliases, newEbK, weights, features, conflicts);
    }
}
