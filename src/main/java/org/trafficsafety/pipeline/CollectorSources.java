package org.trafficsafety.pipeline;

import java.net.URI;
import java.time.Duration;
import org.trafficsafety.config.SourceSettings;
import org.trafficsafety.message.Dialect;
import org.trafficsafety.message.MessageDecoders;
import org.trafficsafety.source.MessageSource;
import org.trafficsafety.source.vcc.VccMode;
import org.trafficsafety.source.vcc.VccSettings;
import org.trafficsafety.source.vcc.VccSources;

/** The source {@code DATA_SOURCE} names, built from the source settings. */
final class CollectorSources {

    private CollectorSources() {
    }

    static MessageSource create(SourceSettings settings) {
        return switch (settings.dataSource()) {
            case "vcc" -> vcc(settings);
            default -> throw new IllegalStateException("DATA_SOURCE=" + settings.dataSource() + " is not available to the collector yet");
        };
    }

    private static MessageSource vcc(SourceSettings settings) {
        VccMode mode = "poll".equals(settings.vccMode()) ? VccMode.POLL : VccMode.STREAM;
        VccSettings vcc = VccSettings.defaults(URI.create(settings.vccBaseUrl()), settings.vccClientId().orElseThrow(),
                        settings.vccClientSecret().orElseThrow(), mode)
                .withIntervals(settings.collectionInterval(), Duration.ofHours(1));
        return VccSources.create(vcc, MessageDecoders.of(Dialect.VCC));
    }
}
