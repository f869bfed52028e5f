package org.trafficsafety.pipeline.spool;

/**
 * Turns a sink's batch into spool bytes and back, exactly (doubles bit for bit).
 *
 * @param <T> the batch type
 */
public interface BatchCodec<T> {

    /** What the payload is and the codec version, stored with each record, e.g. "safety_indices_realtime/1". */
    String kind();

    byte[] encode(T batch);

    /** @throws IllegalArgumentException when the payload is not of this codec's kind and version */
    T decode(byte[] payload);
}
