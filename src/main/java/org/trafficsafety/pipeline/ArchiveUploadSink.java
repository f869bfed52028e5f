package org.trafficsafety.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import org.trafficsafety.store.archive.ArchiveStore;
import org.trafficsafety.store.archive.ObjectMetadata;
import org.trafficsafety.store.parquet.WrittenFile;

/**
 * Uploads a finished Parquet file to the archive bucket under the file's own key, with its metadata and CRC32C
 * (the store verifies it after the upload). Idempotent: the store skips an object that already has that checksum.
 */
final class ArchiveUploadSink implements Sink<WrittenFile> {

    private final ArchiveStore store;

    ArchiveUploadSink(ArchiveStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "archive-upload";
    }

    @Override
    public void write(WrittenFile file) throws IOException, RejectedBatchException {
        if (!Files.isRegularFile(file.path())) {
            throw new RejectedBatchException("cannot upload " + file.key() + ": local file " + file.path() + " is gone", null);
        }
        store.put(file.key(), file.path(), ObjectMetadata.of(file));
    }
}
