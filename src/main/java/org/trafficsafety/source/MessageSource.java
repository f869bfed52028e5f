package org.trafficsafety.source;

import org.trafficsafety.message.MessageListener;

/**
 * A producer of decoded messages. {@link #start} returns at once; the source pushes messages and rejections
 * to the listener from its own thread(s) until {@link #close}. A source never throws out of its threads:
 * failures are retried or counted, and reported through {@link #status()}.
 */
public interface MessageSource extends AutoCloseable {

    /** A short name for logs, metrics and /health: "simulator", "vcc-stream", "replay", ... */
    String name();

    void start(MessageListener listener);

    /** A snapshot of the source's health: connected or not, last message time, counters. */
    SourceStatus status();

    /** Stops producing; returns once no more callbacks will be made. */
    @Override
    void close();
}
