package org.trafficsafety.analysis;

import java.util.List;

import org.trafficsafety.message.MapData;

/**
 * A signalized intersection the system watches.
 *
 * @param id        VCC / J2735 intersection id
 * @param latitude  reference point, degrees
 * @param longitude reference point, degrees
 * @param zoneRadiusM metric radius of the zone around the reference point (default 120 m); with a zone polygon,
 *                    the distance from the reference point to the polygon's farthest vertex
 * @param zonePolygon the zone as a polygon (at least 3 vertices, WGS-84), replacing the disc; empty for a disc
 */
public record Intersection(int id, String name, double latitude, double longitude, double zoneRadiusM,
                           List<MapData.GeoPoint> zonePolygon) {

    public static final double DEFAULT_ZONE_RADIUS_M = 120.0;

    public Intersection {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("intersection " + id + " needs a name");
        }
        if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
            throw new IllegalArgumentException("intersection " + id + " has an impossible position " + latitude + ", " + longitude);
        }
        if (!(zoneRadiusM > 0)) {
            throw new IllegalArgumentException("intersection " + id + " zone radius must be > 0 m, was " + zoneRadiusM);
        }
        zonePolygon = zonePolygon == null ? List.of() : List.copyOf(zonePolygon);
        if (!zonePolygon.isEmpty() && zonePolygon.size() < 3) {
            throw new IllegalArgumentException("intersection " + id + " zone polygon needs at least 3 vertices, has " + zonePolygon.size());
        }
    }

    /** An intersection whose zone is a disc of {@code zoneRadiusM} around the reference point. */
    public Intersection(int id, String name, double latitude, double longitude, double zoneRadiusM) {
        this(id, name, latitude, longitude, zoneRadiusM, List.of());
    }

    public Intersection(int id, String name, double latitude, double longitude) {
        this(id, name, latitude, longitude, DEFAULT_ZONE_RADIUS_M);
    }

    /** The four VCC intersections seeded at first start (design section 5). */
    public static List<Intersection> seeded() {
        return List.of(
                new Intersection(156, "VCC 156 (Fairfax County, VA)", 38.928411, -77.241071),
                new Intersection(158, "VCC 158 (Fairfax County, VA)", 38.920952, -77.233830),
                new Intersection(159, "VCC 159 (Fairfax County, VA)", 38.918318, -77.230614),
                new Intersection(3837, "VCC 3837 (Blacksburg, VA)", 37.187012, -80.395026));
    }
}
