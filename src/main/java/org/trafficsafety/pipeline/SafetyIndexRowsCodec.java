package org.trafficsafety.pipeline;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.trafficsafety.analysis.MinuteFeatures;
import org.trafficsafety.analysis.SafetyIndexRow;
import org.trafficsafety.pipeline.spool.BatchCodec;

/** Binary spool form of a batch of index rows: a count, then each row's fields in record order. */
final class SafetyIndexRowsCodec implements BatchCodec<List<SafetyIndexRow>> {

    @Override
    public String kind() {
        return "safety_indices_realtime/1";
    }

    @Override
    public byte[] encode(List<SafetyIndexRow> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + rows.size() * 120);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(rows.size());
            for (SafetyIndexRow row : rows) {
                MinuteFeatures f = row.features();
                out.writeInt(f.intersectionId());
                out.writeLong(f.minuteStartMs());
                out.writeInt(f.trafficVolume());
                out.writeInt(f.vruCount());
                out.writeDouble(f.avgSpeedMps());
                out.writeDouble(f.speedStdMps());
                out.writeInt(f.hardBrakingCount());
                out.writeInt(f.vehicleEventCount());
                out.writeInt(f.vruEventCount());
                out.writeDouble(row.vruIndex());
                out.writeDouble(row.vehicleIndex());
                out.writeDouble(row.combinedIndex());
                out.writeDouble(row.vruIndexEb());
                out.writeDouble(row.vehicleIndexEb());
                out.writeDouble(row.combinedIndexEb());
                out.writeByte(row.hourOfDay());
                out.writeByte(row.dayOfWeek());
                out.writeLong(row.constantsId());
                out.writeUTF(row.formulaVersion());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public List<SafetyIndexRow> decode(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            int count = in.readInt();
            List<SafetyIndexRow> rows = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                MinuteFeatures f = new MinuteFeatures(in.readInt(), in.readLong(), in.readInt(), in.readInt(),
                        in.readDouble(), in.readDouble(), in.readInt(), in.readInt(), in.readInt());
                rows.add(new SafetyIndexRow(f, in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(),
                        in.readDouble(), in.readDouble(), in.readByte(), in.readByte(), in.readLong(), in.readUTF()));
            }
            if (in.available() != 0) {
                throw new IllegalArgumentException("index-row batch has " + in.available() + " trailing bytes");
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalArgumentException("not an index-row batch: " + e.getMessage(), e);
        }
    }
}
