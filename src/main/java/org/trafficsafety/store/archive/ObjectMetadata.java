package org.trafficsafety.store.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.trafficsafety.store.parquet.WrittenFile;

/**
 * What the archive records with every object (as GCS custom metadata, or in a local sidecar file).
 *
 * @param dataType       the dataset key: bsm, psm, mapdata, spat, indices, conflicts
 * @param collectionDate the UTC day of the rows in the object
 * @param rowCount       rows in the object
 * @param checksum       CRC32C of the object's bytes, base64 of the 4 big-endian bytes: the format GCS itself
 *                       reports, so the two compare directly
 */
public record ObjectMetadata(String dataType, LocalDate collectionDate, long rowCount, String checksum) {

    static final String DATA_TYPE = "data_type";
    static final String COLLECTION_DATE = "collection_date";
    static final String ROW_COUNT = "row_count";
    static final String CHECKSUM = "checksum";

    public ObjectMetadata {
        if (dataType == null || dataType.isBlank() || collectionDate == null || checksum == null || rowCount < 0) {
            throw new IllegalArgumentException("incomplete object metadata: " + dataType + ", " + collectionDate
                    + ", " + rowCount + " rows, checksum " + checksum);
        }
    }

    /** The metadata of a Parquet file a writer produced, with its checksum computed from the file. */
    public static ObjectMetadata of(WrittenFile file) throws IOException {
        return new ObjectMetadata(file.dataset().key(), file.day(), file.rowCount(), crc32c(file.path()));
    }

    /** CRC32C of a file's bytes, base64 of the 4 big-endian bytes (GCS's {@code crc32c} format). */
    public static String crc32c(Path file) throws IOException {
        CRC32C crc = new CRC32C();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                crc.update(buffer, 0, n);
            }
        }
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** As GCS custom metadata (also the sidecar's content). */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(DATA_TYPE, dataType);
        map.put(COLLECTION_DATE, collectionDate.toString());
        map.put(ROW_COUNT, Long.toString(rowCount));
        map.put(CHECKSUM, checksum);
        return map;
    }

    /** Reads {@link #toMap()}'s form back; empty when a field is missing or malformed (an object we did not write). */
    public static Optional<ObjectMetadata> fromMap(Map<String, String> map) {
        if (map == null || !map.containsKey(DATA_TYPE) || !map.containsKey(COLLECTION_DATE)
                || !map.containsKey(ROW_COUNT) || !map.containsKey(CHECKSUM)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ObjectMetadata(map.get(DATA_TYPE), LocalDate.parse(map.get(COLLECTION_DATE)),
                    Long.parseLong(map.get(ROW_COUNT)), map.get(CHECKSUM)));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
