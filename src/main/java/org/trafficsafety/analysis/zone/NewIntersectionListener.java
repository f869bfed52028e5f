package org.trafficsafety.analysis.zone;

import org.trafficsafety.analysis.Intersection;
import org.trafficsafety.message.MapData;

/** Told when a MapData names an intersection not known before, so that it can be stored. */
@FunctionalInterface
public interface NewIntersectionListener {

    void onNewIntersection(Intersection intersection, MapData.IntersectionGeometry geometry);
}
