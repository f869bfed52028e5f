package org.trafficsafety.source.vcc;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP access to the VCC Public API v3.1 for one set of client credentials: OAuth client-credentials token
 * (cached, renewed before expiry and once after a 401), at least {@code minRequestSpacing} between requests,
 * connect/read timeouts, and jittered exponential retries after 5xx and 429 answers and I/O errors. Thread-safe; the
 * poll and stream sources share one instance. Close it to release the HTTP client's threads.
 */
public final class VccApiClient implements AutoCloseable {

    static final String AUTH_PATH = "/api/auth/client";
    private static final int TOO_MANY_REQUESTS = 429;

    private final VccSettings settings;
    private final InstantSource clock;
    private final Sleeper sleeper;
    private final HttpClient http;
    private final RateLimiter rateLimiter;
    private final RandomGenerator jitter;
    private final Backoff backoff;
    private final AccessTokens tokens;
    private final VccCounters counters = new VccCounters();
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * @param clock   wall time for token expiry and the request spacing
     * @param sleeper how retry and spacing waits are made
     * @param jitter  randomness of the retry delays (seed it in tests)
     */
    public VccApiClient(VccSettings settings, InstantSource clock, Sleeper sleeper, RandomGenerator jitter) {
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.rateLimiter = new RateLimiter(settings.minRequestSpacing(), clock, sleeper);
        this.jitter = jitter;
        this.backoff = new Backoff(settings.retryBaseDelay(), settings.retryMaxDelay(), jitter);
        this.tokens = new AccessTokens(this::issueToken, settings.tokenRenewBefore(), clock, counters);
    }

    /** A client on the system clock with real sleeping. */
    public static VccApiClient create(VccSettings settings) {
        return new VccApiClient(settings, InstantSource.system(), Sleeper.SYSTEM, new SplittableRandom());
    }

    /**
     * GETs {@code pathAndQuery} (e.g. {@code /api/bsm/current}) and returns the body of the 2xx answer.
     *
     * @throws VccAuthenticationException when the credentials are refused
     * @throws VccException                when the request fails after its retries, or on another 4xx
     */
    public String get(String pathAndQuery) {
        boolean renewedAfter401 = false;
        int retry = 0;
        while (true) {
            String token = tokens.require();
            HttpRequest request = HttpRequest.newBuilder(resolve(pathAndQuery))
                    .timeout(settings.readTimeout())
                    .header("Authorization", "Bearer " + token)
                    .GET()
                    .build();
            Answer answer = exchange(request, "GET " + pathAndQuery, retry);
            if (answer.retryable()) {
                retry = pauseBeforeRetry(retry);
                continue;
            }
            int status = answer.response().statusCode();
            if (status == 401) {
                counters.unauthorized.incrementAndGet();
                if (!renewedAfter401) {
                    renewedAfter401 = true;
                    tokens.invalidate(token);
                    continue;
                }
                throw new VccException("GET " + pathAndQuery + " answered 401 even with a fresh token", 401);
            }
            if (status / 100 != 2) {
                throw new VccException("GET " + pathAndQuery + " answered HTTP " + status + ": "
                        + abbreviate(answer.response().body()), status);
            }
            return answer.response().body();
        }
    }

    /** The expiry of the current token, empty before the first one. */
    public Optional<Instant> tokenExpiresAt() {
        return tokens.expiresAt();
    }

    /** The WebSocket address of {@code path} (e.g. {@code /ws/bsm}) with a one-time key: ws:// or wss://. */
    public URI webSocketUri(String path, String key) {
        String base = settings.baseUrl().toString();
        String scheme = base.startsWith("https:") ? "wss:" : "ws:";
        return URI.create(scheme + base.substring(base.indexOf(':') + 1) + path + "?key="
                + URLEncoder.encode(key, StandardCharsets.UTF_8));
    }

    public VccSettings settings() {
        return settings;
    }

    HttpClient http() {
        return http;
    }

    VccCounters counters() {
        return counters;
    }

    InstantSource clock() {
        return clock;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    /** A backoff drawing its jitter from this client's random generator (seeded in tests, random otherwise). */
    Backoff backoff(Duration base, Duration max) {
        return new Backoff(base, max, jitter);
    }

    /** Cancels whatever is in flight: the sources stop their threads first, so nothing waits on it. */
    @Override
    public void close() {
        http.shutdownNow();
    }

    private AccessTokens.Token issueToken() {
        String form = "client_id=" + URLEncoder.encode(settings.clientId(), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(settings.clientSecret(), StandardCharsets.UTF_8);
        int retry = 0;
        while (true) {
            HttpRequest request = HttpRequest.newBuilder(resolve(AUTH_PATH))
                    .timeout(settings.readTimeout())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build();
            Answer answer = exchange(request, "POST " + AUTH_PATH, retry);
            if (answer.retryable()) {
                retry = pauseBeforeRetry(retry);
                continue;
            }
            int status = answer.response().statusCode();
            if (status == 400 || status == 401 || status == 403) {
                throw new VccAuthenticationException("VCC refused the client credentials of client id '"
                        + settings.clientId() + "' (HTTP " + status + " from POST " + AUTH_PATH + ": "
                        + abbreviate(answer.response().body()) + "); check VCC_CLIENT_ID and VCC_CLIENT_SECRET", status);
            }
            if (status / 100 != 2) {
                throw new VccException("POST " + AUTH_PATH + " answered HTTP " + status + ": "
                        + abbreviate(answer.response().body()), status);
            }
            return parseToken(answer.response().body());
        }
    }

    private AccessTokens.Token parseToken(String body) {
        try {
            JsonNode node = json.readTree(body);
            String token = node.path("access_token").asString("");
            long expiresInS = node.path("expires_in").asLong(0);
            if (token.isEmpty() || expiresInS <= 0) {
                throw new VccException("POST " + AUTH_PATH + " gave no access_token/expires_in: " + abbreviate(body), 200);
            }
            return new AccessTokens.Token(token, Duration.ofSeconds(expiresInS));
        } catch (JacksonException e) {
            throw new VccException("POST " + AUTH_PATH + " answered with unreadable JSON: " + abbreviate(body), 200, e);
        }
    }

    /** One answer, or a retryable failure while retries remain. */
    private record Answer(HttpResponse<String> response, boolean retryable) {
    }

    private Answer exchange(HttpRequest request, String what, int retry) {
        try {
            rateLimiter.acquire();
            counters.requests.incrementAndGet();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 500 || response.statusCode() == TOO_MANY_REQUESTS) {
                if (retry < settings.maxRetries()) {
                    return new Answer(response, true);
                }
                throw new VccException(what + " answered HTTP " + response.statusCode() + " after "
                        + (retry + 1) + " attempts: " + abbreviate(response.body()), response.statusCode());
            }
            return new Answer(response, false);
        } catch (IOException e) {
            if (retry < settings.maxRetries()) {
                return new Answer(null, true);
            }
            throw new VccException(what + " failed after " + (retry + 1) + " attempts: " + describe(e), 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VccException(what + " interrupted", 0, e);
        }
    }

    private int pauseBeforeRetry(int retry) {
        counters.retries.incrementAndGet();
        try {
            sleeper.sleep(backoff.delay(retry));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VccException("interrupted while waiting to retry", 0, e);
        }
        return retry + 1;
    }

    private URI resolve(String pathAndQuery) {
        return URI.create(settings.baseUrl() + pathAndQuery);
    }

    private static String describe(IOException e) {
        String text = e.getMessage();
        return e.getClass().getSimpleName() + (text == null ? "" : ": " + text);
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        String oneLine = body.strip().replace('\n', ' ');
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }
}
