package org.trafficsafety.message;

/**
 * Receives what a decoder or source produced: accepted messages and counted rejections.
 * Called on the producer's thread, once per message: keep implementations cheap.
 */
public interface MessageListener {

    void onMessage(Message message);

    /**
     * A message was rejected.
     *
     * @param type   its type when known, else null
     * @param reason why
     * @param detail a short human-readable detail (field and value); may be built lazily by the caller only
     *               when needed, so implementations must not rely on it on hot paths
     */
    void onRejected(MessageType type, RejectReason reason, String detail);
}
