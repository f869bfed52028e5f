package org.trafficsafety.store.parquet;

import java.util.Optional;
import org.trafficsafety.message.MessageType;

/**
 * What a Parquet file or archive object holds: one raw message type or one kind of processed row.
 * {@link #key()} is the {@code data_type} of archive metadata and the file-name stem; {@link #prefix()} the top of
 * its key tree.
 */
public enum Dataset {
    BSM("raw", "bsm"), PSM("raw", "psm"), MAPDATA("raw", "mapdata"), SPAT("raw", "spat"),
    INDICES("processed", "indices"), CONFLICTS("processed", "conflicts");

    private final String prefix;
    private final String key;

    Dataset(String area, String key) {
        this.prefix = area + "/" + key;
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** {@code raw/bsm}, {@code processed/indices}, ...: no trailing slash. */
    public String prefix() {
        return prefix;
    }

    public boolean isRaw() {
        return prefix.startsWith("raw/");
    }

    public static Dataset of(MessageType type) {
        return switch (type) {
            case BSM -> BSM;
            case PSM -> PSM;
            case MAPDATA -> MAPDATA;
            case SPAT -> SPAT;
        };
    }

    /** The dataset named by {@code key} ("bsm", "indices", ...), case-insensitively. */
    public static Optional<Dataset> findByKey(String key) {
        for (Dataset d : values()) {
            if (d.key.equalsIgnoreCase(key)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
