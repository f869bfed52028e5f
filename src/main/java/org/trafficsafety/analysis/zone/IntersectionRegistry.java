package org.trafficsafety.analysis.zone;

import org.trafficsafety.analysis.geometry.LaneEnvelope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trafficsafety.analysis.Intersection;
import org.trafficsafety.message.MapData;

/**
 * The known intersections and the assignment of positions to them (design section 5). A position belongs to an
 * intersection when it lies within the zone radius of its reference point or inside its MapData lane envelope plus
 * a margin; when several zones contain it, the nearest reference point wins (ties: the lower id). A configured
 * alias table maps message sources (VCC {@code locationName}) to intersection ids: when the aliased intersection's
 * zone contains the position, it wins over a nearer one, so overlapping zones follow the operator's table. An alias
 * never pulls in a position outside every zone, so the features always describe the zone.
 *
 * <p>Assignment allocates nothing and costs a few comparisons per known intersection (a bounding-box test in
 * degrees, then a projection for the few boxes that match). Not thread-safe: one registry per analysis thread.
 */
public final class IntersectionRegistry {

    public static final double DEFAULT_LANE_MARGIN_M = 10.0;

    private final List<Zone> zones = new ArrayList<>();
    private final Map<Integer, Zone> byId = new HashMap<>();
    private final Map<String, Integer> aliases;
    private final double defaultZoneRadiusM;
    private final double laneMarginM;
    private final NewIntersectionListener listener;
    private Zone[] scan = new Zone[0];

    /**
     * @param aliases            message source (VCC locationName) → intersection id; ids may be registered later
     * @param defaultZoneRadiusM zone radius of intersections registered from MapData
     * @param laneMarginM        margin around MapData lane envelopes
     */
    public IntersectionRegistry(List<Intersection> initial, Map<String, Integer> aliases, double defaultZoneRadiusM,
            double laneMarginM, NewIntersectionListener listener) {
        if (!(defaultZoneRadiusM > 0) || !(laneMarginM >= 0)) {
            throw new IllegalArgumentException("zone radius must be > 0 and lane margin >= 0 m, were "
                    + defaultZoneRadiusM + " and " + laneMarginM);
        }
        this.aliases = Map.copyOf(aliases);
        this.defaultZoneRadiusM = defaultZoneRadiusM;
        this.laneMarginM = laneMarginM;
        this.listener = listener;
        for (Intersection intersection : initial) {
            if (byId.containsKey(intersection.id())) {
                throw new IllegalArgumentException("intersection " + intersection.id() + " listed twice");
            }
            add(intersection);
        }
    }

    /** The zone a position belongs to, or empty when it is in none. {@code source} is looked up in the alias table. */
    public Optional<Zone> findZone(double latitude, double longitude, String source) {
        Integer aliased = aliases.get(source);
        if (aliased != null) {
            Zone zone = byId.get(aliased);
            if (zone != null && zone.mayContain(latitude, longitude)
                    && zone.distanceSqIfInside(latitude, longitude) != Double.POSITIVE_INFINITY) {
                return zone.asFound();
            }
        }
        Zone best = null;
        double bestSq = Double.POSITIVE_INFINITY;
        for (Zone zone : scan) {
            if (!zone.mayContain(latitude, longitude)) {
                continue;
            }
            double dSq = zone.distanceSqIfInside(latitude, longitude);
            if (dSq < bestSq || (dSq == bestSq && best != null && zone.intersection().id() < best.intersection().id())) {
                best = zone;
                bestSq = dSq;
            }
        }
        return best == null ? Optional.empty() : best.asFound();
    }

    /**
     * Takes a MapData intersection: registers it when its id is new (and tells the listener), else adopts its lane
     * envelope when the revision changed. Known intersections keep their reference point so tracks stay put.
     *
     * @return the intersection's zone, or empty when the geometry's reference point is impossible
     */
    public Optional<Zone> register(MapData.IntersectionGeometry geometry) {
        Zone zone = byId.get(geometry.id());
        if (zone == null) {
            if (!validPosition(geometry.refLatitude(), geometry.refLongitude())) {
                return Optional.empty();
            }
            String name = geometry.name().isBlank() ? "MapData intersection " + geometry.id() : geometry.name();
            zone = add(new Intersection(geometry.id(), name, geometry.refLatitude(), geometry.refLongitude(),
                    defaultZoneRadiusM));
            zone.useLaneEnvelope(LaneEnvelope.of(geometry, zone.frame(), laneMarginM), geometry.revision());
            listener.onNewIntersection(zone.intersection(), geometry);
        } else if (zone.mapRevision() != geometry.revision()) {
            zone.useLaneEnvelope(LaneEnvelope.of(geometry, zone.frame(), laneMarginM), geometry.revision());
        }
        return zone.asFound();
    }

    public Optional<Zone> findById(int intersectionId) {
        Zone zone = byId.get(intersectionId);
        return zone == null ? Optional.empty() : zone.asFound();
    }

    /** All zones in slot order. */
    public List<Zone> zones() {
        return List.copyOf(zones);
    }

    private Zone add(Intersection intersection) {
        Zone zone = new Zone(intersection, zones.size());
        zones.add(zone);
        byId.put(intersection.id(), zone);
        scan = zones.toArray(new Zone[0]);
        return zone;
    }

    private static boolean validPosition(double latitude, double longitude) {
        return latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180;
    }
}
