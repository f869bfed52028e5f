package org.trafficsafety.pipeline;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.trafficsafety.analysis.Intersection;
import org.trafficsafety.pipeline.spool.BatchCodec;
import org.trafficsafety.store.db.IntersectionWriter.RegisteredIntersection;

/** Spool form of intersections to register. */
final class RegisteredIntersectionsCodec implements BatchCodec<List<RegisteredIntersection>> {

    @Override
    public String kind() {
        return "intersections/1";
    }

    @Override
    public byte[] encode(List<RegisteredIntersection> batch) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * batch.size() + 4);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(batch.size());
            for (RegisteredIntersection r : batch) {
                Intersection i = r.intersection();
                out.writeInt(i.id());
                out.writeUTF(i.name());
                out.writeDouble(i.latitude());
                out.writeDouble(i.longitude());
                out.writeDouble(i.zoneRadiusM());
                out.writeInt(r.laneCount());
                out.writeInt(r.revision());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public List<RegisteredIntersection> decode(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            int count = in.readInt();
            List<RegisteredIntersection> out = new ArrayList<>(count);
            for (int k = 0; k < count; k++) {
                Intersection i = new Intersection(in.readInt(), in.readUTF(), in.readDouble(), in.readDouble(), in.readDouble());
                out.add(new RegisteredIntersection(i, in.readInt(), in.readInt()));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalArgumentException("not an intersections batch: " + e, e);
        }
    }
}
