package org.trafficsafety.source.vcc;

import org.trafficsafety.message.MessageDecoder;

/** Builds the VCC source that {@code VCC_MODE} asks for, with its own {@link VccApiClient}. */
public final class VccSources {

    private VccSources() {
    }

    /** A poll or stream source on the system clock; closing it releases its HTTP client. */
    public static VccSource create(VccSettings settings, MessageDecoder decoder) {
        VccApiClient api = VccApiClient.create(settings);
        return switch (settings.mode()) {
            case POLL -> new VccPollSource(api, decoder);
            case STREAM -> new VccStreamSource(api, decoder);
        };
    }
}
