package org.trafficsafety.simulation.vccserver;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.trafficsafety.message.MessageType;

/** The REST half of the fake VCC API: auth, "current" snapshots, MapData, SPaT and WebSocket keys. */
final class ApiHandler extends Handler.Abstract {

    private static final String JSON = "application/json";

    private final Credentials credentials;
    private final FeedStore feed;
    private final FaultPlan faults;
    private final RequestLog log;

    ApiHandler(Credentials credentials, FeedStore feed, FaultPlan faults, RequestLog log) {
        this.credentials = credentials;
        this.feed = feed;
        this.faults = faults;
        this.log = log;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        log.record(path);
        faults.delay();
        if (faults.takeFailure()) {
            return answer(response, callback, faults.failureStatus(), JSON, "{\"detail\":\"injected failure\"}");
        }
        if ("/api/auth/client".equals(path)) {
            return authenticate(request, response, callback);
        }
        if (!credentials.acceptsAuthorization(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
            return answer(response, callback, 401, JSON, "{\"detail\":\"invalid or expired token\"}");
        }
        return switch (path) {
            case "/api/bsm/current" -> answer(response, callback, 200, JSON, feed.currentArray(MessageType.BSM));
            case "/api/psm/current" -> answer(response, callback, 200, JSON, feed.currentArray(MessageType.PSM));
            case "/api/mapdata/decoded" -> answer(response, callback, 200, JSON, feed.currentArray(MessageType.MAPDATA));
            case "/api/spat" -> "JSON_COMPLETE".equals(query(request.getHttpURI().getQuery()).get("format"))
                    ? answer(response, callback, 200, JSON, feed.currentArray(MessageType.SPAT))
                    : answer(response, callback, 400, JSON, "{\"detail\":\"only format=JSON_COMPLETE is served\"}");
            case "/api/bsm/key" -> answer(response, callback, 200, "text/plain", credentials.issueKey(MessageType.BSM));
            case "/api/psm/key" -> answer(response, callback, 200, "text/plain", credentials.issueKey(MessageType.PSM));
            default -> answer(response, callback, 404, JSON, "{\"detail\":\"no such endpoint\"}");
        };
    }

    private boolean authenticate(Request request, Response response, Callback callback) throws Exception {
        if (!"POST".equals(request.getMethod())) {
            return answer(response, callback, 405, JSON, "{\"detail\":\"POST only\"}");
        }
        Map<String, String> form = query(Content.Source.asString(request, StandardCharsets.UTF_8));
        Optional<String> token = credentials.issueToken(form.get("client_id"), form.get("client_secret"));
        if (token.isEmpty()) {
            return answer(response, callback, 401, JSON, "{\"detail\":\"invalid client credentials\"}");
        }
        String body = "{\"access_token\":\"" + token.get() + "\",\"expires_in\":"
                + credentials.tokenLifetime().toSeconds() + ",\"token_type\":\"bearer\"}";
        return answer(response, callback, 200, JSON, body);
    }

    private static boolean answer(Response response, Callback callback, int status, String type, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type + "; charset=utf-8");
        Content.Sink.write(response, true, body, callback);
        return true;
    }

    /** Parses {@code a=1&b=2} (a query string or a form body). */
    static Map<String, String> query(String text) {
        Map<String, String> values = new HashMap<>();
        if (text == null || text.isEmpty()) {
            return values;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }
}
