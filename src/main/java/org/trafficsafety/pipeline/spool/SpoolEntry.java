package org.trafficsafety.pipeline.spool;

/**
 * One spooled batch as read back from disk, checksum verified.
 *
 * @param sequence     position in the spool; batches replay in increasing sequence
 * @param kind         what the payload is and its codec version, e.g. "safety_indices_realtime/1"
 * @param appendedAtMs when it was spooled, epoch ms UTC
 * @param payload      the encoded batch
 */
public record SpoolEntry(long sequence, String kind, long appendedAtMs, byte[] payload) {
}
