package org.trafficsafety.pipeline;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.trafficsafety.message.Bsm;
import org.trafficsafety.message.MapData;
import org.trafficsafety.message.Message;
import org.trafficsafety.message.Psm;
import org.trafficsafety.message.Spat;
import org.trafficsafety.message.VruType;
import org.trafficsafety.pipeline.spool.BatchCodec;

/** Binary spool form of raw messages, exact for every record component, so a spooled flush archives unchanged. */
final class MessagesCodec implements BatchCodec<List<Message>> {

    private static final VruType[] VRU_TYPES = VruType.values();
    private static final MapData.LaneType[] LANE_TYPES = MapData.LaneType.values();
    private static final Spat.SignalPhase[] PHASES = Spat.SignalPhase.values();

    @Override
    public String kind() {
        return "messages/1";
    }

    @Override
    public byte[] encode(List<Message> messages) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + messages.size() * 110);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(messages.size());
            for (Message m : messages) {
                out.writeByte(m.type().ordinal());
                switch (m) {
                    case Bsm b -> writeBsm(out, b);
                    case Psm p -> writePsm(out, p);
                    case MapData d -> writeMapData(out, d);
                    case Spat s -> writeSpat(out, s);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public List<Message> decode(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            int count = in.readInt();
            List<Message> messages = new ArrayList<>(Math.min(count, 1 << 20));
            for (int i = 0; i < count; i++) {
                messages.add(switch (in.readByte()) {
                    case 0 -> readBsm(in);
                    case 1 -> readPsm(in);
                    case 2 -> readMapData(in);
                    case 3 -> readSpat(in);
                    default -> throw new IllegalArgumentException("unknown message type code");
                });
            }
            if (in.available() != 0) {
                throw new IllegalArgumentException("message batch has " + in.available() + " trailing bytes");
            }
            return messages;
        } catch (IOException | ArrayIndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new IllegalArgumentException("not a message batch: " + e, e);
        }
    }

    private static void writeBsm(DataOutputStream out, Bsm b) throws IOException {
        out.writeLong(b.id());
        out.writeInt(b.msgCnt());
        out.writeInt(b.secMark());
        out.writeLong(b.eventTimeMs());
        out.writeLong(b.receivedAtMs());
        for (double d : new double[] {b.latitude(), b.longitude(), b.elevationM(), b.speedMps(), b.headingDeg(),
                b.accelLonMps2(), b.accelLatMps2(), b.yawRateDegS()}) {
            out.writeDouble(d);
        }
        out.writeInt(b.wheelBrakes());
        out.writeDouble(b.lengthM());
        out.writeDouble(b.widthM());
        out.writeUTF(b.source());
    }

    private static Bsm readBsm(DataInputStream in) throws IOException {
        return new Bsm(in.readLong(), in.readInt(), in.readInt(), in.readLong(), in.readLong(), in.readDouble(),
                in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(),
                in.readDouble(), in.readInt(), in.readDouble(), in.readDouble(), in.readUTF());
    }

    private static void writePsm(DataOutputStream out, Psm p) throws IOException {
        out.writeLong(p.id());
        out.writeInt(p.msgCnt());
        out.writeInt(p.secMark());
        out.writeLong(p.eventTimeMs());
        out.writeLong(p.receivedAtMs());
        out.writeByte(p.basicType().ordinal());
        for (double d : new double[] {p.latitude(), p.longitude(), p.elevationM(), p.speedMps(), p.headingDeg()}) {
            out.writeDouble(d);
        }
        out.writeUTF(p.source());
    }

    private static Psm readPsm(DataInputStream in) throws IOException {
        return new Psm(in.readLong(), in.readInt(), in.readInt(), in.readLong(), in.readLong(), VRU_TYPES[in.readByte()],
                in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readUTF());
    }

    private static void writeMapData(DataOutputStream out, MapData d) throws IOException {
        out.writeLong(d.eventTimeMs());
        out.writeLong(d.receivedAtMs());
        out.writeInt(d.msgIssueRevision());
        out.writeInt(d.intersections().size());
        for (MapData.IntersectionGeometry g : d.intersections()) {
            out.writeInt(g.id());
            out.writeInt(g.region());
            out.writeInt(g.revision());
            out.writeUTF(g.name());
            out.writeDouble(g.refLatitude());
            out.writeDouble(g.refLongitude());
            out.writeDouble(g.laneWidthM());
            out.writeInt(g.lanes().size());
            for (MapData.Lane lane : g.lanes()) {
                out.writeInt(lane.laneId());
                out.writeByte(lane.laneType().ordinal());
                out.writeBoolean(lane.ingress());
                out.writeBoolean(lane.egress());
                out.writeInt(lane.ingressApproach());
                out.writeInt(lane.egressApproach());
                out.writeInt(lane.nodes().size());
                for (MapData.GeoPoint node : lane.nodes()) {
                    out.writeDouble(node.latitude());
                    out.writeDouble(node.longitude());
                }
                out.writeInt(lane.connections().size());
                for (MapData.Connection c : lane.connections()) {
                    out.writeInt(c.connectingLaneId());
                    out.writeInt(c.signalGroup());
                }
            }
        }
    }

    private static MapData readMapData(DataInputStream in) throws IOException {
        long eventTimeMs = in.readLong();
        long receivedAtMs = in.readLong();
        int revision = in.readInt();
        int count = in.readInt();
        List<MapData.IntersectionGeometry> intersections = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int id = in.readInt();
            int region = in.readInt();
            int rev = in.readInt();
            String name = in.readUTF();
            double lat = in.readDouble();
            double lon = in.readDouble();
            double width = in.readDouble();
            int laneCount = in.readInt();
            List<MapData.Lane> lanes = new ArrayList<>(laneCount);
            for (int l = 0; l < laneCount; l++) {
                int laneId = in.readInt();
                MapData.LaneType type = LANE_TYPES[in.readByte()];
                boolean ingress = in.readBoolean();
                boolean egress = in.readBoolean();
                int ingressApproach = in.readInt();
                int egressApproach = in.readInt();
                int nodeCount = in.readInt();
                List<MapData.GeoPoint> nodes = new ArrayList<>(nodeCount);
                for (int n = 0; n < nodeCount; n++) {
                    nodes.add(new MapData.GeoPoint(in.readDouble(), in.readDouble()));
                }
                int connectionCount = in.readInt();
                List<MapData.Connection> connections = new ArrayList<>(connectionCount);
                for (int c = 0; c < connectionCount; c++) {
                    connections.add(new MapData.Connection(in.readInt(), in.readInt()));
                }
                lanes.add(new MapData.Lane(laneId, type, ingress, egress, ingressApproach, egressApproach, nodes, connections));
            }
            intersections.add(new MapData.IntersectionGeometry(id, region, rev, name, lat, lon, width, lanes));
        }
        return new MapData(eventTimeMs, receivedAtMs, revision, intersections);
    }

    private static void writeSpat(DataOutputStream out, Spat s) throws IOException {
        out.writeLong(s.eventTimeMs());
        out.writeLong(s.receivedAtMs());
        out.writeInt(s.intersections().size());
        for (Spat.IntersectionState state : s.intersections()) {
            out.writeInt(state.id());
            out.writeInt(state.region());
            out.writeInt(state.revision());
            out.writeInt(state.status());
            out.writeInt(state.states().size());
            for (Spat.MovementState movement : state.states()) {
                out.writeInt(movement.signalGroup());
                out.writeInt(movement.events().size());
                for (Spat.MovementEvent e : movement.events()) {
                    out.writeByte(e.phase().ordinal());
                    out.writeLong(e.minEndMs());
                    out.writeLong(e.maxEndMs());
                    out.writeLong(e.likelyMs());
                }
            }
        }
    }

    private static Spat readSpat(DataInputStream in) throws IOException {
        long eventTimeMs = in.readLong();
        long receivedAtMs = in.readLong();
        int count = in.readInt();
        List<Spat.IntersectionState> intersections = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int id = in.readInt();
            int region = in.readInt();
            int revision = in.readInt();
            int status = in.readInt();
            int movementCount = in.readInt();
            List<Spat.MovementState> movements = new ArrayList<>(movementCount);
            for (int m = 0; m < movementCount; m++) {
                int signalGroup = in.readInt();
                int eventCount = in.readInt();
                List<Spat.MovementEvent> events = new ArrayList<>(eventCount);
                for (int e = 0; e < eventCount; e++) {
                    events.add(new Spat.MovementEvent(PHASES[in.readByte()], in.readLong(), in.readLong(), in.readLong()));
                }
                movements.add(new Spat.MovementState(signalGroup, events));
            }
            intersections.add(new Spat.IntersectionState(id, region, revision, status, movements));
        }
        return new Spat(eventTimeMs, receivedAtMs, intersections);
    }
}
