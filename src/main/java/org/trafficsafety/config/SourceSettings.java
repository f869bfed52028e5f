package org.trafficsafety.config;

import org.trafficsafety.source.vcc.VccMode;
import org.trafficsafety.source.vcc.VccSettings;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Where messages come from (DATA_SOURCE) and, for the VCC API, how to reach it. Client id and secret have no
 * default and are required when {@code DATA_SOURCE=vcc}.
 *
 * @param collectionInterval time between polls in poll mode (COLLECTION_INTERVAL, seconds)
 */
public record SourceSettings(String dataSource, String vccBaseUrl, Optional<String> vccClientId,
                             Optional<String> vccClientSecret, String vccMode, Duration collectionInterval) {

    public static SourceSettings from(EnvSettings env) {
        String dataSource = env.choice("DATA_SOURCE", "simulator", Set.of("simulator", "vcc", "replay"));
        Optional<String> clientId = env.optional("VCC_CLIENT_ID");
        Optional<String> clientSecret = env.optional("VCC_CLIENT_SECRET");
        if ("vcc".equals(dataSource) && clientId.isEmpty()) {
            throw new InvalidSettingException("VCC_CLIENT_ID", "", "a client id when DATA_SOURCE=vcc");
        }
        if ("vcc".equals(dataSource) && clientSecret.isEmpty()) {
            throw new InvalidSettingException("VCC_CLIENT_SECRET", "", "a client secret when DATA_SOURCE=vcc");
        }
        return new SourceSettings(dataSource,
                env.url("VCC_BASE_URL", "https://vcc.vtti.vt.edu"),
                clientId,
                clientSecret,
                env.choice("VCC_MODE", "stream", Set.of("poll", "stream")),
                env.seconds("COLLECTION_INTERVAL", Duration.ofSeconds(60), Duration.ofMillis(100), Duration.ofHours(1)));
    }

    /** The VCC client's settings (the documented defaults plus these values) when {@code DATA_SOURCE=vcc}. */
    public Optional<VccSettings> vcc() {
        if (!"vcc".equals(dataSource)) {
            return Optional.empty();
        }
        VccSettings defaults = VccSettings.defaults(URI.create(vccBaseUrl), vccClientId.orElseThrow(),
                vccClientSecret.orElseThrow(), VccMode.parse(vccMode));
        return Optional.of(defaults.withIntervals(collectionInterval, defaults.mapDataInterval()));
    }

    @Override
    public String toString() {
        return "SourceSettings[" + dataSource + ", " + vccBaseUrl + ", client " + vccClientId.orElse("(none)") + ", secret "
                + (vccClientSecret.isPresent() ? "(set)" : "(none)") + ", " + vccMode + ", every " + collectionInterval + "]";
    }
}
