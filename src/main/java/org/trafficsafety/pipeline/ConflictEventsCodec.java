package org.trafficsafety.pipeline;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.trafficsafety.analysis.ConflictEvent;
import org.trafficsafety.analysis.ConflictType;
import org.trafficsafety.analysis.RoadUserKind;
import org.trafficsafety.pipeline.spool.BatchCodec;

/** Binary spool form of a batch of conflict events: a count, then each event's fields in record order. */
final class ConflictEventsCodec implements BatchCodec<List<ConflictEvent>> {

    private static final ConflictType[] TYPES = ConflictType.values();
    private static final RoadUserKind[] KINDS = RoadUserKind.values();

    @Override
    public String kind() {
        return "conflict_events/1";
    }

    @Override
    public byte[] encode(List<ConflictEvent> events) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + events.size() * 120);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(events.size());
            for (ConflictEvent e : events) {
                out.writeInt(e.intersectionId());
                out.writeLong(e.startMs());
                out.writeLong(e.endMs());
                out.writeByte(e.type().ordinal());
                out.writeLong(e.firstId());
                out.writeByte(e.firstKind().ordinal());
                out.writeLong(e.secondId());
                out.writeByte(e.secondKind().ordinal());
                out.writeDouble(e.minTtcS());
                out.writeLong(e.minTtcAtMs());
                out.writeDouble(e.minPetS());
                out.writeLong(e.minPetAtMs());
                out.writeDouble(e.latitude());
                out.writeDouble(e.longitude());
                out.writeDouble(e.firstSpeedMps());
                out.writeDouble(e.secondSpeedMps());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public List<ConflictEvent> decode(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            int count = in.readInt();
            List<ConflictEvent> events = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                events.add(new ConflictEvent(in.readInt(), in.readLong(), in.readLong(), TYPES[in.readByte()],
                        in.readLong(), KINDS[in.readByte()], in.readLong(), KINDS[in.readByte()],
                        in.readDouble(), in.readLong(), in.readDouble(), in.readLong(),
                        in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble()));
            }
            if (in.available() != 0) {
                throw new IllegalArgumentException("conflict batch has " + in.available() + " trailing bytes");
            }
            return events;
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("not a conflict-event batch: " + e.getMessage(), e);
        }
    }
}
