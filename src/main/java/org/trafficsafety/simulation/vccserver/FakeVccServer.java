package org.trafficsafety.simulation.vccserver;

import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketCreator;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.trafficsafety.message.Bsm;
import org.trafficsafety.message.MapData;
import org.trafficsafety.message.Message;
import org.trafficsafety.message.MessageEncoder;
import org.trafficsafety.message.MessageType;
import org.trafficsafety.message.Psm;
import org.trafficsafety.message.Spat;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for the VCC Public API v3.1 on one loopback port (REST and WebSocket): {@code /api/auth/client},
 * {@code /api/bsm|psm/current}, {@code /api/mapdata/decoded}, {@code /api/spat?format=JSON_COMPLETE},
 * {@code /api/bsm|psm/key} and {@code /ws/bsm|psm?key=K}, validating bearer tokens and single-use keys.
 * Messages published to its feed are served by the REST endpoints and pushed on the sockets as JSON arrays every
 * {@code pushInterval}, with empty arrays as keep-alives. Faults can be injected to test a client.
 */
public final class FakeVccServer implements AutoCloseable {

    /**
     * @param clientId      the only accepted client id
     * @param clientSecret  its secret
     * @param tokenLifetime {@code expires_in} of issued tokens
     * @param pushInterval  period of the socket pushes (VCC: about 500 ms)
     * @param currentWindow how long a BSM/PSM stays in the "current" snapshot after it was published
     */
    public record Config(String clientId, String clientSecret, Duration tokenLifetime, Duration pushInterval,
            Duration currentWindow) {

        public Config {
            if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
                throw new IllegalArgumentException("the fake VCC server needs a client id and secret");
            }
            if (tokenLifetime.toSeconds() < 1 || pushInterval.toMillis() < 1 || currentWindow.toMillis() < 1) {
                throw new IllegalArgumentException("token lifetime >= 1 s, push interval and current window >= 1 ms");
            }
        }

        /** One-hour tokens, pushes every 500 ms, a 5 s "current" window. */
        public static Config defaults(String clientId, String clientSecret) {
            return new Config(clientId, clientSecret, Duration.ofHours(1), Duration.ofMillis(500), Duration.ofSeconds(5));
        }
    }

    private final Optional<MessageEncoder> encoder;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Credentials credentials;
    private final FeedStore feed;
    private final FaultPlan faults = new FaultPlan();
    private final RequestLog log = new RequestLog();
    private final SocketHub hub;
    private final Server server;
    private final ServerConnector connector;

    /**
     * Starts the server on 127.0.0.1.
     *
     * @param port    0 for a free port
     * @param encoder renders published {@link Message} records as VCC JSON (empty: only JSON can be published)
     * @param clock   token expiry and the "current" window
     */
    public FakeVccServer(Config config, int port, Optional<MessageEncoder> encoder, InstantSource clock) {
        this.encoder = encoder;
        this.credentials = new Credentials(config.clientId(), config.clientSecret(), config.tokenLifetime(), clock);
        this.feed = new FeedStore(json, clock, config.currentWindow());
        this.hub = new SocketHub(feed, config.pushInterval());
        QueuedThreadPool threads = new QueuedThreadPool(32, 4);
        threads.setName("fake-vcc");
        threads.setDaemon(true);
        this.server = new Server(threads);
        this.connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        WebSocketUpgradeHandler sockets = WebSocketUpgradeHandler.from(server, container -> {
            container.addMapping("/ws/bsm", creator(MessageType.BSM));
            container.addMapping("/ws/psm", creator(MessageType.PSM));
        });
        sockets.setHandler(new ApiHandler(credentials, feed, faults, log));
        server.setHandler(sockets);
        try {
            server.start();
        } catch (Exception e) {
            hub.close();
            throw new IllegalStateException("fake VCC server could not start on 127.0.0.1:" + port + ": " + e, e);
        }
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://127.0.0.1:PORT}, the value for {@code VCC_BASE_URL}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /**
     * Publishes one message given as VCC JSON: a BsmWithMetadata, PsmWithMetadata, a decoded MapData, or a SPaT
     * (the JSON_COMPLETE object, or that object as a JSON string).
     */
    public void publish(MessageType type, String vccJson) {
        String served = feed.publish(type, vccJson);
        if (type == MessageType.BSM || type == MessageType.PSM) {
            hub.publish(type, served);
        }
    }

    /** Publishes a decoded message, rendered by the encoder given at construction. */
    public void publish(Message message) {
        MessageEncoder vcc = encoder.orElseThrow(
                () -> new IllegalStateException("this fake VCC server was built without a MessageEncoder"));
        String text = vcc.encode(message);
        long key = switch (message) {
            case Bsm bsm -> bsm.id();
            case Psm psm -> psm.id();
            case MapData map -> map.intersections().isEmpty() ? 0 : map.intersections().getFirst().id();
            case Spat spat -> spat.intersections().isEmpty() ? 0 : spat.intersections().getFirst().id();
        };
        feed.publish(message.type(), key, text);
        if (message.type() == MessageType.BSM || message.type() == MessageType.PSM) {
            hub.publish(message.type(), text);
        }
    }

    /** Fault: refuse (or accept again) every credential at {@code /api/auth/client} with 401. */
    public void rejectCredentials(boolean reject) {
        credentials.rejectAll(reject);
    }

    /** Fault: every token issued so far expires now, so the next API request gets 401. */
    public void expireTokens() {
        credentials.expireAll();
    }

    /** The {@code expires_in} of tokens issued from now on. */
    public void tokenLifetime(Duration lifetime) {
        credentials.tokenLifetime(lifetime);
    }

    /** Fault: answer the next {@code requests} HTTP requests (any endpoint) with 500. */
    public void failNextRequests(int requests) {
        failNextRequests(requests, 500);
    }

    /** Fault: answer the next {@code requests} HTTP requests (any endpoint) with {@code status}, e.g. 503 or 429. */
    public void failNextRequests(int requests, int status) {
        faults.failNext(requests, status);
    }

    /** Fault: wait this long before answering each HTTP request ({@link Duration#ZERO} to stop). */
    public void delayAnswers(Duration delay) {
        faults.delay(delay);
    }

    /** Fault: cut every open socket without a close handshake. */
    public void dropSockets() {
        hub.dropAll();
    }

    /** Fault: stop (or resume) all socket pushes, keep-alives included, leaving the sockets open. */
    public void silenceSockets(boolean silent) {
        hub.silence(silent);
    }

    /** Fault: when a socket connects, first resend the last {@code messages} messages of its type (0 = off). */
    public void replayOnConnect(int messages) {
        hub.replayOnConnect(messages);
    }

    /** How many requests reached {@code path} (without the query), faults included. */
    public long requestCount(String path) {
        return log.count(path);
    }

    /** {@link System#nanoTime()} at the arrival of every request so far, in order. */
    public List<Long> requestArrivalsNanos() {
        return log.arrivalsNanos();
    }

    public long tokensIssued() {
        return credentials.tokensIssued();
    }

    public int openSockets() {
        return hub.openSockets();
    }

    @Override
    public void close() {
        hub.close();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("fake VCC server did not stop cleanly: " + e, e);
        }
    }

    private WebSocketCreator creator(MessageType type) {
        return (request, response, callback) -> {
            String key = ApiHandler.query(request.getHttpURI().getQuery()).get("key");
            log.record("/ws/" + type.key());
            if (!credentials.consumeKey(key, type)) {
                Response.writeError(request, response, callback, 403, "invalid or already used key");
                return null;
            }
            return new PushSocket(type, hub);
        };
    }
}
