package org.trafficsafety.source.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.trafficsafety.store.archive.ArchiveObject;
import org.trafficsafety.store.archive.ArchiveStore;
import org.trafficsafety.store.archive.ObjectMetadata;
import org.trafficsafety.store.parquet.Dataset;
import org.trafficsafety.store.parquet.ParquetLayout;

/** Copies the raw objects of one day from the archive into a local Parquet tree with the same keys. */
final class ArchiveDownload {

    private final ArchiveStore store;
    private final Path cacheRoot;

    ArchiveDownload(ArchiveStore store, Path cacheRoot) {
        this.store = store;
        this.cacheRoot = cacheRoot;
    }

    /** Downloads the raw objects of {@code day} not yet in the cache (or changed); returns how many it fetched. */
    int fetchDay(LocalDate day) throws IOException {
        int fetched = 0;
        for (Dataset dataset : Dataset.values()) {
            if (!dataset.isRaw()) {
                continue;
            }
            for (ArchiveObject object : store.list(ParquetLayout.dayPrefix(dataset, day))) {
                Path target = ParquetLayout.resolve(cacheRoot, object.key());
                boolean cached = Files.isRegularFile(target) && object.metadata().isPresent()
                        && object.metadata().get().checksum().equals(ObjectMetadata.crc32c(target));
                if (!cached) {
                    store.get(object.key(), target);
                    fetched++;
                }
            }
        }
        return fetched;
    }
}
