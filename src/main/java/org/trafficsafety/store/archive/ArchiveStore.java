package org.trafficsafety.store.archive;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trafficsafety.store.parquet.Dataset;
import org.trafficsafety.store.parquet.ParquetLayout;

/**
 * The archive bucket: objects named by {@link ParquetLayout} keys, each with {@link ObjectMetadata}.
 * Every failure (bucket unreachable, checksum mismatch, disk full) surfaces as an {@link IOException}, so that a
 * caller can spool the file and retry; writes are idempotent, so a retry never duplicates.
 */
public interface ArchiveStore {

    /** Where the objects live: {@code gs://bucket} or an absolute directory. */
    String location();

    /**
     * Stores {@code file} as {@code key}. If an object with that key and the same checksum exists, does nothing;
     * otherwise writes it (a new version where the bucket keeps versions) and verifies the stored checksum.
     *
     * @param metadata its {@code checksum} must be the CRC32C of {@code file} ({@link ObjectMetadata#of})
     */
    PutOutcome put(String key, Path file, ObjectMetadata metadata) throws IOException;

    /** The objects whose key starts with {@code prefix}, sorted by key. */
    List<ArchiveObject> list(String prefix) throws IOException;

    /**
     * Copies an object to {@code target} (replacing it) and checks its checksum.
     *
     * @throws java.nio.file.NoSuchFileException if there is no such object
     */
    void get(String key, Path target) throws IOException;

    /** The metadata recorded with an object; empty if the object does not exist or has none of ours. */
    Optional<ObjectMetadata> metadata(String key) throws IOException;

    /** Applies the bucket policy (creating the bucket if needed) and returns the policy now in force. */
    BucketPolicy applyPolicy(BucketPolicy policy) throws IOException;

    /** The policy in force, as far as tsi manages it; empty if none was applied. */
    Optional<BucketPolicy> policy() throws IOException;

    /**
     * The objects of {@code dataset} for the UTC days {@code from} to {@code to} inclusive: one listing per day
     * prefix ({@code raw/bsm/2026/11/24/}), never a scan of the whole bucket.
     */
    default List<ArchiveObject> list(Dataset dataset, LocalDate from, LocalDate to) throws IOException {
        List<ArchiveObject> objects = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            objects.addAll(list(ParquetLayout.dayPrefix(dataset, day)));
        }
        return objects;
    }

    /** Whether a put wrote the object or found it already there. */
    enum PutOutcome { STORED, UNCHANGED }
}
