package org.trafficsafety.pipeline;

import java.nio.ByteBuffer;
import java.util.List;
import org.trafficsafety.pipeline.spool.BatchCodec;

/** Spool form of a {@link FlushBatch}: the flush time, then the items in their list codec's form. */
final class FlushBatchCodec<T> implements BatchCodec<FlushBatch<T>> {

    private final BatchCodec<List<T>> items;

    FlushBatchCodec(BatchCodec<List<T>> items) {
        this.items = items;
    }

    @Override
    public String kind() {
        return "flush+" + items.kind();
    }

    @Override
    public byte[] encode(FlushBatch<T> batch) {
        byte[] body = items.encode(batch.items());
        return ByteBuffer.allocate(8 + body.length).putLong(batch.flushedAtMs()).put(body).array();
    }

    @Override
    public FlushBatch<T> decode(byte[] payload) {
        if (payload.length < 8) {
            throw new IllegalArgumentException("flush batch of " + payload.length + " bytes has no flush time");
        }
        ByteBuffer in = ByteBuffer.wrap(payload);
        long flushedAtMs = in.getLong();
        byte[] body = new byte[in.remaining()];
        in.get(body);
        return new FlushBatch<>(flushedAtMs, items.decode(body));
    }
}
