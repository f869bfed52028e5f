package org.trafficsafety.analysis;

import org.trafficsafety.message.VruType;

/** What a road user is, as far as conflicts are concerned. */
public enum RoadUserKind {
    VEHICLE, PEDESTRIAN, CYCLIST, OTHER_VRU;

    public boolean isVru() {
        return this != VEHICLE;
    }

    public static RoadUserKind of(VruType type) {
        return switch (type) {
            case PEDESTRIAN -> PEDESTRIAN;
            case CYCLIST -> CYCLIST;
            default -> OTHER_VRU;
        };
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
