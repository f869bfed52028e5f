package org.trafficsafety.message;

/**
 * Decodes one JSON document of a dialect (VCC or ODE) into messages. Implementations are stateless apart from
 * reusable buffers and never throw: every message in the document ends as exactly one
 * {@link MessageListener#onMessage} or {@link MessageListener#onRejected} call.
 */
public interface MessageDecoder {

    /**
     * @param json         one message, a JSON array of messages, or (VCC SPaT) an array of JSON strings
     * @param receivedAtMs receipt time, epoch ms UTC: the minute that secMark is resolved in when the document
     *                     carries no receipt time of its own (VCC {@code timestamp}, ODE {@code odeReceivedAt} win)
     */
    void decode(String json, long receivedAtMs, MessageListener out);
}
