package org.trafficsafety.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.trafficsafety.analysis.geometry.Carriageway;
import org.trafficsafety.analysis.geometry.LocalFrame;

/**
 * The ground truth of one intersection, graded by how far each near-miss is from the thresholds. Three
 * {@link ConflictJudge}s watch the same exact trajectories: one as the design measures, one with every body shrunk
 * by {@value #TOLERANCE_M} m on each side, one with every body grown by as much. A conflict of the first is
 * {@link GroundTruthConflict.Grade#CLEAR} when the shrunk judge also flags the pair in the encounter, else
 * {@link GroundTruthConflict.Grade#MARGINAL}; an encounter only the grown judge flags is a
 * {@link GroundTruthConflict.Grade#NEAR} miss.
 *
 * <p>Why: a detector sees positions that are off by about the tolerance even after smoothing, so whether the
 * bodies of a marginal encounter touch is decided by noise, not by the traffic. Scoring counts the clear conflicts
 * and ignores detections of the others (as detection benchmarks ignore their "difficult" objects).
 *
 * <p>Shrinking bodies only removes flags and growing only adds them, so each shrunk encounter lies within one
 * measured encounter and closes no later; each measured one lies within a grown one that closes no earlier. The
 * judges are therefore asked in that order, and the recent outputs kept for a minute suffice to grade.
 */
final class GradedJudge {

    /** Tolerance of the ground truth, m: about the RMS position error of a smoothed track at 1.5 m GPS noise. */
    static final double TOLERANCE_M = 0.3;
    private static final long KEEP_MS = 60_000;

    private final ConflictJudge measured;
    private final ConflictJudge shrunk;
    private final ConflictJudge grown;
    private final List<GroundTruthConflict> recentShrunk = new ArrayList<>();
    private final List<GroundTruthConflict> recentMeasured = new ArrayList<>();

    /** @param road the intersection's carriageway, from the MapData the simulator publishes */
    GradedJudge(int intersectionId, LocalFrame frame, double regionHalf, Carriageway road) {
        this.measured = new ConflictJudge(intersectionId, frame, regionHalf, 0, GroundTruthConflict.Grade.CLEAR, road);
        this.shrunk = new ConflictJudge(intersectionId, frame, regionHalf, TOLERANCE_M, GroundTruthConflict.Grade.CLEAR, road);
        this.grown = new ConflictJudge(intersectionId, frame, regionHalf, -TOLERANCE_M, GroundTruthConflict.Grade.NEAR, road);
    }

    void observe(long tMs, List<ConflictJudge.User> users, Consumer<GroundTruthConflict> conflicts,
                 Consumer<GroundTruthConflict> nearMisses) {
        shrunk.observe(tMs, users, recentShrunk::add);
        measured.observe(tMs, users, c -> grade(c, conflicts));
        grown.observe(tMs, users, c -> near(c, nearMisses));
        if (tMs % KEEP_MS == 0) {
            recentShrunk.removeIf(c -> tMs - c.endMs() > KEEP_MS);
            recentMeasured.removeIf(c -> tMs - c.endMs() > KEEP_MS);
        }
    }

    /** Emits every open encounter (end of a run). */
    void flush(Consumer<GroundTruthConflict> conflicts, Consumer<GroundTruthConflict> nearMisses) {
        shrunk.flush(recentShrunk::add);
        measured.flush(c -> grade(c, conflicts));
        grown.flush(c -> near(c, nearMisses));
    }

    private void grade(GroundTruthConflict c, Consumer<GroundTruthConflict> conflicts) {
        recentMeasured.add(c);
        boolean clear = false;
        for (GroundTruthConflict s : recentShrunk) {
            clear |= s.overlaps(c);
        }
        conflicts.accept(clear ? c : c.withGrade(GroundTruthConflict.Grade.MARGINAL));
    }

    private void near(GroundTruthConflict c, Consumer<GroundTruthConflict> nearMisses) {
        for (GroundTruthConflict m : recentMeasured) {
            if (m.overlaps(c)) {
                return;
            }
        }
        nearMisses.accept(c);
    }
}
