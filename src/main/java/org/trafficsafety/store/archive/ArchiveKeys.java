package org.trafficsafety.store.archive;

/** Checks object keys: relative, '/'-separated, no empty, "." or ".." segments. */
final class ArchiveKeys {

    private ArchiveKeys() {
    }

    static String requireValid(String key) {
        if (key == null || key.isEmpty() || key.startsWith("/") || key.endsWith("/") || key.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("invalid archive key '" + key + "'");
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("invalid archive key '" + key + "'");
            }
        }
        return key;
    }

    static String requireValidPrefix(String prefix) {
        if (prefix == null || prefix.startsWith("/") || prefix.contains("..") || prefix.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("invalid archive prefix '" + prefix + "'");
        }
        return prefix;
    }
}
