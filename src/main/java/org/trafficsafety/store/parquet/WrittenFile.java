package org.trafficsafety.store.parquet;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * A Parquet file a writer produced: what to upload to the archive and with which metadata.
 *
 * @param key      the file's key relative to the Parquet root, identical to its archive object name
 * @param day      the UTC day of its rows (its folder)
 * @param rowCount rows in the file
 */
public record WrittenFile(Dataset dataset, LocalDate day, String key, Path path, long rowCount) {
}
