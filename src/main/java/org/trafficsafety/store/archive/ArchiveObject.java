package org.trafficsafety.store.archive;

import java.util.Optional;

/**
 * One object of the archive as a listing shows it.
 *
 * @param key       its name in the bucket, e.g. {@code raw/bsm/2026/11/24/bsm_20261124_103000.parquet}
 * @param sizeBytes its size
 * @param metadata  the metadata tsi recorded; empty for an object written by something else
 */
public record ArchiveObject(String key, long sizeBytes, Optional<ObjectMetadata> metadata) {
}
