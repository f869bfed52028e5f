package org.trafficsafety.pipeline;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.trafficsafety.pipeline.spool.BatchCodec;
import org.trafficsafety.store.parquet.Dataset;
import org.trafficsafety.store.parquet.WrittenFile;

/** Spool form of a pending upload: the local file stays where it is; the spool keeps its key, path and row count. */
final class WrittenFileCodec implements BatchCodec<WrittenFile> {

    @Override
    public String kind() {
        return "upload/1";
    }

    @Override
    public byte[] encode(WrittenFile file) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(file.dataset().key());
            out.writeLong(file.day().toEpochDay());
            out.writeUTF(file.key());
            out.writeUTF(file.path().toString());
            out.writeLong(file.rowCount());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public WrittenFile decode(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            String datasetKey = in.readUTF();
            Dataset dataset = Dataset.findByKey(datasetKey)
                    .orElseThrow(() -> new IllegalArgumentException("unknown dataset " + datasetKey));
            return new WrittenFile(dataset, LocalDate.ofEpochDay(in.readLong()), in.readUTF(), Path.of(in.readUTF()), in.readLong());
        } catch (IOException e) {
            throw new IllegalArgumentException("not an upload record: " + e, e);
        }
    }
}
