package org.trafficsafety.analysis.conflict;

import java.util.ArrayList;
import java.util.List;
import org.trafficsafety.analysis.RoadUserKind;
import org.trafficsafety.analysis.track.Track;

/** A road user known to a detector: identity, body dimensions and track. */
final class RoadUser {

    final long id;
    final RoadUserKind kind;
    final Track track;
    private final ConflictParameters parameters;
    double halfLengthM;
    double halfWidthM;
    private double boundingRadiusM;
    /** The track's state a smoothing lag behind its last sample (where TTC is evaluated), for the reach prefilter. */
    long laggedTimeMs;
    double laggedEastM;
    double laggedNorthM;
    /** Pairs that hold state for this user (few): scanned instead of a keyed lookup, no boxing. */
    final List<Pair> pairs = new ArrayList<>(4);

    RoadUser(long id, RoadUserKind kind, ConflictParameters parameters) {
        this.id = id;
        this.kind = kind;
        this.parameters = parameters;
        this.track = new Track(parameters.track(), kind.isVru());
        this.halfLengthM = kind.isVru() ? parameters.vruRadiusM() : parameters.defaultVehicleLengthM() / 2;
        this.halfWidthM = kind.isVru() ? parameters.vruRadiusM() : parameters.defaultVehicleWidthM() / 2;
        this.boundingRadiusM = kind.isVru() ? halfLengthM : Math.sqrt(halfLengthM * halfLengthM + halfWidthM * halfWidthM);
    }

    void updateDimensions(double lengthM, double widthM) {
        if (kind.isVru()) {
            return;
        }
        if (lengthM > 0 && lengthM < 30) {
            halfLengthM = lengthM / 2;
        }
        if (widthM > 0 && widthM < 5) {
            halfWidthM = widthM / 2;
        }
        boundingRadiusM = isVru() ? halfLengthM : Math.sqrt(halfLengthM * halfLengthM + halfWidthM * halfWidthM);
    }

    /** The state of the pair with other, or null (internal hot path). */
    Pair pairWith(RoadUser other) {
        for (int i = 0, n = pairs.size(); i < n; i++) {
            Pair pair = pairs.get(i);
            if (pair.first == other || pair.second == other) {
                return pair;
            }
        }
        return null;
    }

    boolean isVru() {
        return kind.isVru();
    }

    /** Radius of a disc enclosing the body (the cheap prefilter). */
    double boundingRadiusM() {
        return boundingRadiusM;
    }

    /** The body for PET: a VRU's disc, a vehicle's disc of half its length. */
    double petRadiusM() {
        return isVru() ? parameters.vruRadiusM() : halfLengthM;
    }

    /** Map key: vehicles and VRUs with the same TemporaryID are different users. */
    static long key(long id, RoadUserKind kind) {
        return (id << 1) | (kind.isVru() ? 1L : 0L);
    }
}
