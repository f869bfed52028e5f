package org.trafficsafety.message;

/** Renders a message as one JSON document of a dialect (the inverse of a {@link MessageDecoder}). */
public interface MessageEncoder {

    String encode(Message message);
}
