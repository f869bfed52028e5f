package org.trafficsafety.analysis.index;

import java.util.Optional;
import org.trafficsafety.analysis.SafetyIndexRow;

/**
 * Where the Empirical-Bayes prior comes from. Implementations apply the design's fallbacks themselves: the
 * intersection's own mean for the hour of day over the trailing 28 days when it stands on at least 3 hours, else
 * the network-wide mean for the hour, else nothing (and the index is not shrunk: p = x).
 */
public interface EbPriorProvider {

    /** The prior for the intersection at the hour of day of {@code minuteStartMs} (UTC), using history before it. */
    Optional<EbPrior> findPrior(int intersectionId, long minuteStartMs);

    /**
     * Every row the engine emits, in emission order; a history-backed provider learns from it. A provider fed from
     * stored rollups ignores it.
     */
    default void onRow(SafetyIndexRow row) {
    }
}
