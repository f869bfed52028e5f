package org.trafficsafety.source.vcc;

import java.net.URI;
import java.time.Duration;

/**
 * Everything the VCC client needs, validated once at construction.
 *
 * @param baseUrl             API root, e.g. {@code https://vcc.vtti.vt.edu} (http or https; WebSockets follow: ws/wss)
 * @param clientId            OAuth client id ({@code VCC_CLIENT_ID})
 * @param clientSecret        OAuth client secret ({@code VCC_CLIENT_SECRET}); never printed
 * @param mode                poll or stream ({@code VCC_MODE})
 * @param collectionInterval  REST polling period for BSM/PSM "current" and SPaT ({@code COLLECTION_INTERVAL})
 * @param mapDataInterval     MapData refresh period (also fetched at start)
 * @param connectTimeout      TCP/TLS connect timeout
 * @param readTimeout         time allowed for an answer to a request
 * @param minRequestSpacing   minimum time between two requests to VCC (its terms ask for 100 ms)
 * @param tokenRenewBefore    renew the access token this long before it expires (capped at half its lifetime)
 * @param maxRetries          retries of a request after a 5xx or 429 answer or an I/O error (0 = none)
 * @param retryBaseDelay      first retry delay; doubles per retry, jittered to 50..100 %
 * @param retryMaxDelay       cap on one retry delay
 * @param silentSocketTimeout a WebSocket with no frame (not even a keep-alive) for this long is reconnected
 * @param reconnectMaxDelay   cap on the backoff between reconnects and between attempts after refused credentials
 * @param repeatWindow        how long a delivered BSM/PSM is remembered to drop exact repeats (server replays)
 */
public record VccSettings(
        URI baseUrl,
        String clientId,
        String clientSecret,
        VccMode mode,
        Duration collectionInterval,
        Duration mapDataInterval,
        Duration connectTimeout,
        Duration readTimeout,
        Duration minRequestSpacing,
        Duration tokenRenewBefore,
        int maxRetries,
        Duration retryBaseDelay,
        Duration retryMaxDelay,
        Duration silentSocketTimeout,
        Duration reconnectMaxDelay,
        Duration repeatWindow) {

    public static final URI PRODUCTION_URL = URI.create("https://vcc.vtti.vt.edu");

    public VccSettings {
        if (baseUrl == null || !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))
                || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("VCC_BASE_URL must be an http(s) URL with a host, was '" + baseUrl + "'");
        }
        requireText(clientId, "VCC_CLIENT_ID");
        requireText(clientSecret, "VCC_CLIENT_SECRET");
        if (mode == null) {
            throw new IllegalArgumentException("VCC_MODE must be poll or stream");
        }
        requirePositive(collectionInterval, "collectionInterval");
        requirePositive(mapDataInterval, "mapDataInterval");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        requireNotNegative(minRequestSpacing, "minRequestSpacing");
        requireNotNegative(tokenRenewBefore, "tokenRenewBefore");
        if (maxRetries < 0 || maxRetries > 20) {
            throw new IllegalArgumentException("maxRetries must be in 0..20, was " + maxRetries);
        }
        requirePositive(retryBaseDelay, "retryBaseDelay");
        requirePositive(retryMaxDelay, "retryMaxDelay");
        requirePositive(silentSocketTimeout, "silentSocketTimeout");
        requirePositive(reconnectMaxDelay, "reconnectMaxDelay");
        requirePositive(repeatWindow, "repeatWindow");
        String url = baseUrl.toString();
        baseUrl = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    /** The documented defaults: 60 s interval, hourly MapData, 10 s / 30 s timeouts, 100 ms spacing, 5 min renewal. */
    public static VccSettings defaults(URI baseUrl, String clientId, String clientSecret, VccMode mode) {
        return new VccSettings(baseUrl, clientId, clientSecret, mode, Duration.ofSeconds(60), Duration.ofHours(1),
                Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofMinutes(5), 4,
                Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(15), Duration.ofSeconds(60),
                Duration.ofSeconds(30));
    }

    public VccSettings withIntervals(Duration collection, Duration mapData) {
        return new VccSettings(baseUrl, clientId, clientSecret, mode, collection, mapData,
                connectTimeout, readTimeout, minRequestSpacing, tokenRenewBefore, maxRetries, retryBaseDelay,
                retryMaxDelay, silentSocketTimeout, reconnectMaxDelay, repeatWindow);
    }

    public VccSettings withTimeouts(Duration connect, Duration read) {
        return new VccSettings(baseUrl, clientId, clientSecret, mode, collectionInterval, mapDataInterval,
                connect, read, minRequestSpacing, tokenRenewBefore, maxRetries, retryBaseDelay,
                retryMaxDelay, silentSocketTimeout, reconnectMaxDelay, repeatWindow);
    }

    public VccSettings withMinRequestSpacing(Duration spacing) {
        return new VccSettings(baseUrl, clientId, clientSecret, mode, collectionInterval, mapDataInterval,
                connectTimeout, readTimeout, spacing, tokenRenewBefore, maxRetries, retryBaseDelay,
                retryMaxDelay, silentSocketTimeout, reconnectMaxDelay, repeatWindow);
    }

    public VccSettings withRetries(int retries, Duration baseDelay, Duration maxDelay) {
        return new VccSettings(baseUrl, clientId, clientSecret, mode, collectionInterval, mapDataInterval,
                connectTimeout, readTimeout, minRequestSpacing, tokenRenewBefore, retries, baseDelay,
                maxDelay, silentSocketTimeout, reconnectMaxDelay, repeatWindow);
    }

    public VccSettings withReconnect(Duration silentTimeout, Duration maxDelay) {
        return new VccSettings(baseUrl, clientId, clientSecret, mode, collectionInterval, mapDataInterval,
                connectTimeout, readTimeout, minRequestSpacing, tokenRenewBefore, maxRetries, retryBaseDelay,
                retryMaxDelay, silentTimeout, maxDelay, repeatWindow);
    }

    /** The secret is masked: settings are logged at startup. */
    @Override
    public String toString() {
        return "VccSettings[baseUrl=" + baseUrl + ", clientId=" + clientId + ", clientSecret=***, mode=" + mode.key()
                + ", collectionInterval=" + collectionInterval + ", mapDataInterval=" + mapDataInterval
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", minRequestSpacing=" + minRequestSpacing + ", tokenRenewBefore=" + tokenRenewBefore
                + ", maxRetries=" + maxRetries + ", retryBaseDelay=" + retryBaseDelay + ", retryMaxDelay="
                + retryMaxDelay + ", silentSocketTimeout=" + silentSocketTimeout + ", reconnectMaxDelay="
                + reconnectMaxDelay + ", repeatWindow=" + repeatWindow + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must be set");
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
        }
    }

    private static void requireNotNegative(Duration value, String name) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }
}
