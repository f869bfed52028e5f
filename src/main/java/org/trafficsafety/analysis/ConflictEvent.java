package org.trafficsafety.analysis;

/**
 * One conflict between an unordered pair of road users during one encounter (design section 6).
 * Ids are the messages' TemporaryIDs (unsigned 32-bit). Measures that were not observed are NaN and their
 * times 0. The pair is in canonical order, so that one encounter always gives the same key: in a vehicle–VRU
 * conflict the vehicle is first; between two vehicles the lower id is first.
 *
 * @param startMs       first flag of the encounter, epoch ms UTC
 * @param endMs         last flag of the encounter, epoch ms UTC
 * @param minTtcS       minimum time to collision, s (NaN if only PET flagged)
 * @param minPetS       minimum post-encroachment time, s (NaN if only TTC flagged)
 * @param latitude      midpoint of the pair at the minimum measure
 * @param firstSpeedMps speed of the first user at the minimum measure
 */
public record ConflictEvent(
        int intersectionId,
        long startMs,
        long endMs,
        ConflictType type,
        long firstId,
        RoadUserKind firstKind,
        long secondId,
        RoadUserKind secondKind,
        double minTtcS,
        long minTtcAtMs,
        double minPetS,
        long minPetAtMs,
        double latitude,
        double longitude,
        double firstSpeedMps,
        double secondSpeedMps) {

    public ConflictEvent {
        if (type == null || firstKind == null || secondKind == null) {
            throw new IllegalArgumentException("type and kinds must not be null");
        }
        if (endMs < startMs) {
            throw new IllegalArgumentException("conflict ends (" + endMs + ") before it starts (" + startMs + ")");
        }
        if (firstKind.isVru() && secondKind.isVru()) {
            throw new IllegalArgumentException("a conflict needs at least one vehicle");
        }
        if (firstKind.isVru() || (!secondKind.isVru() && Long.compareUnsigned(firstId, secondId) > 0)) {
            throw new IllegalArgumentException("pair not in canonical order: " + firstKind + " " + firstId + ", " + secondKind + " " + secondId);
        }
    }

    /** True for a vehicle–VRU conflict, false for vehicle–vehicle. */
    public boolean involvesVru() {
        return firstKind.isVru() || secondKind.isVru();
    }
}
