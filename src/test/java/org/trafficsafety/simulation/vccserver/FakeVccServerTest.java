package org.trafficsafety.simulation.vccserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.trafficsafety.message.MessageType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The fake server's protocol, checked with a plain HTTP and WebSocket client. */
class FakeVccServerTest {

    private static final String BSM_42 = """
            {"timestamp":1700000000000,"rsuName":"From_WebSocket","format":"JSON","bsmJson":{"coreData":\
            {"msgCnt":1,"id":42,"secMark":12345,"lat":38.9284,"lon":-77.241,"speed":10.4,"heading":92.7}}}""";

    private final AtomicLong nowMs = new AtomicLong(1_700_000_000_000L);
    private final InstantSource clock = () -> Instant.ofEpochMilli(nowMs.get());
    private final FakeVccServer server = new FakeVccServer(
            new FakeVccServer.Config("id", "secret", Duration.ofSeconds(600), Duration.ofMillis(50), Duration.ofSeconds(5)),
            0, Optional.empty(), clock);
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void stop() {
        http.close();
        server.close();
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(server.baseUrl().resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(server.baseUrl().resolve(path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token() throws Exception {
        return json.readTree(post("/api/auth/client", "client_id=id&client_secret=secret").body())
                .path("access_token").asString();
    }

    @Test
    void shouldIssueTokensOnlyForItsCredentials() throws Exception {
        HttpResponse<String> good = post("/api/auth/client", "client_id=id&client_secret=secret");
        HttpResponse<String> bad = post("/api/auth/client", "client_id=id&client_secret=nope");

        JsonNode body = json.readTree(good.body());
        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(body.path("expires_in").asLong()).isEqualTo(600);
        assertThat(body.path("token_type").asString()).isEqualTo("bearer");
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.body()).contains("invalid client credentials");
        assertThat(server.tokensIssued()).isEqualTo(1);
    }

    @Test
    void shouldRequireAValidUnexpiredToken() throws Exception {
        String token = token();

        assertThat(get("/api/bsm/current", "made-up").statusCode()).isEqualTo(401);
        assertThat(get("/api/bsm/current", token).statusCode()).isEqualTo(200);
        nowMs.addAndGet(600_000);
        assertThat(get("/api/bsm/current", token).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldServeTheLatestMessagePerVehicleWithinTheCurrentWindow() throws Exception {
        server.publish(MessageType.BSM, BSM_42);
        server.publish(MessageType.BSM, BSM_42.replace("\"msgCnt\":1", "\"msgCnt\":2"));
        String token = token();

        JsonNode current = json.readTree(get("/api/bsm/current", token).body());
        assertThat(current).hasSize(1);
        assertThat(current.path(0).path("bsmJson").path("coreData").path("msgCnt").asInt()).isEqualTo(2);

        nowMs.addAndGet(5_001);
        assertThat(get("/api/bsm/current", token).body()).isEqualTo("[]");
    }

    @Test
    void shouldServeSpatAsAnArrayOfJsonStrings() throws Exception {
        server.publish(MessageType.SPAT, "{\"intersections\":[{\"id\":{\"id\":156},\"states\":[]}]}");
        server.publish(MessageType.SPAT, json.writeValueAsString("{\"intersections\":[{\"id\":{\"id\":158}}]}"));
        String token = token();

        JsonNode spat = json.readTree(get("/api/spat?format=JSON_COMPLETE", token).body());
        assertThat(spat).hasSize(2);
        assertThat(spat.path(0).isString()).isTrue();
        assertThat(json.readTree(spat.path(1).asString()).path("intersections").path(0).path("id").path("id").asInt())
                .isEqualTo(158);
        assertThat(get("/api/spat", token).statusCode()).isEqualTo(400);
    }

    @Test
    void shouldAcceptEachSocketKeyOnceAndOnlyForItsStream() throws Exception {
        String token = token();
        String key = get("/api/bsm/key", token).body();
        Frames frames = new Frames();

        WebSocket socket = connect("/ws/bsm", key, frames);
        assertThatThrownBy(() -> connect("/ws/bsm", key, new Frames()))
                .hasCauseInstanceOf(WebSocketHandshakeException.class);
        String psmKey = get("/api/psm/key", token).body();
        assertThatThrownBy(() -> connect("/ws/bsm", psmKey, new Frames()))
                .hasCauseInstanceOf(WebSocketHandshakeException.class);
        socket.abort();
    }

    @Test
    void shouldPushPublishedMessagesAndKeepAlivesAndReplayOnConnect() throws Exception {
        server.publish(MessageType.BSM, BSM_42);
        server.replayOnConnect(1);
        String token = token();
        Frames frames = new Frames();

        WebSocket socket = connect("/ws/bsm", get("/api/bsm/key", token).body(), frames);
        await().atMost(Duration.ofSeconds(5)).until(() -> server.openSockets() == 1);
        server.publish(MessageType.BSM, BSM_42.replace("\"id\":42", "\"id\":43"));
        await().atMost(Duration.ofSeconds(5)).until(() -> frames.texts.contains("[]")
                && String.join("", frames.texts).contains("\"id\":43"));
        socket.abort();

        String messages = String.join("", frames.texts);
        assertThat(messages).contains("\"id\":42");
        assertThat(messages.indexOf("\"id\":42")).isLessThan(messages.indexOf("\"id\":43"));
        assertThat(server.requestCount("/ws/bsm")).isEqualTo(1);
    }

    private WebSocket connect(String path, String key, Frames frames) throws Exception {
        URI uri = URI.create("ws://127.0.0.1:" + server.port() + path + "?key=" + key);
        try {
            return http.newWebSocketBuilder().buildAsync(uri, frames).get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static final class Frames implements WebSocket.Listener {
        final List<String> texts = new CopyOnWriteArrayList<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                texts.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
