package org.trafficsafety.simulation;

/**
 * TemporaryIDs: unsigned 32-bit values that look random but never repeat within 2^32 draws, by passing a counter
 * through the bijective MurmurHash3 finalizer. Needs no memory of the ids handed out.
 */
final class IdSource {

    private final int key;
    private int counter;

    IdSource(long seed) {
        this.key = (int) (seed ^ (seed >>> 32)) * 0x9E3779B9;
    }

    long next() {
        int h = (counter++) + key;
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h & 0xFFFFFFFFL;
    }
}
