package org.trafficsafety.message;

import java.util.List;

/** MapData: intersection geometry. Lane nodes are absolute WGS-84 points whatever the dialect sent. */
public record MapData(
        long eventTimeMs,
        long receivedAtMs,
        int msgIssueRevision,
        List<IntersectionGeometry> intersections) implements Message {

    public MapData {
        intersections = List.copyOf(intersections);
    }

    @Override
    public MessageType type() {
        return MessageType.MAPDATA;
    }

    /** One intersection of a MapData; {@code laneWidthM} in metres (ODE's cm converted). */
    public record IntersectionGeometry(
            int id,
            int region,
            int revision,
            String name,
            double refLatitude,
            double refLongitude,
            double laneWidthM,
            List<Lane> lanes) {

        public IntersectionGeometry {
            name = name == null ? "" : name;
            lanes = List.copyOf(lanes);
        }
    }

    /**
     * A lane. {@code ingressApproach}/{@code egressApproach} are 0 when absent; {@code nodes} run from the stop
     * line outward, as J2735 orders them.
     */
    public record Lane(
            int laneId,
            LaneType laneType,
            boolean ingress,
            boolean egress,
            int ingressApproach,
            int egressApproach,
            List<GeoPoint> nodes,
            List<Connection> connections) {

        public Lane {
            nodes = List.copyOf(nodes);
            connections = List.copyOf(connections);
        }
    }

    /** A lane connection; {@code signalGroup} is 0 when the message gave none. */
    public record Connection(int connectingLaneId, int signalGroup) {
    }

    public record GeoPoint(double latitude, double longitude) {
    }

    public enum LaneType {
        VEHICLE, CROSSWALK, BIKE_LANE, SIDEWALK, MEDIAN, STRIPING, TRACKED_VEHICLE, PARKING
    }
}
