package org.trafficsafety.source.vcc;

import java.net.URI;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.trafficsafety.message.MessageType;

/**
 * One VCC WebSocket stream (BSM or PSM) on its own thread: fetch a one-time key, connect, deliver each frame
 * (a JSON array; empty = keep-alive), and reconnect with a fresh key and jittered backoff when the socket
 * closes, fails, or stays silent for {@code silentSocketTimeout}. Repeats that a server replays after a
 * reconnect are dropped by the {@link MessageGate}.
 */
final class StreamChannel implements Runnable {

    private final MessageType type;
    private final VccApiClient api;
    private final MessageGate gate;
    private final Backoff backoff;
    private final AtomicReference<String> lastError;
    private volatile boolean running = true;
    private volatile boolean open;
    private volatile long lastFrameAtMs;
    private volatile WebSocket socket;
    private boolean everConnected;

    StreamChannel(MessageType type, VccApiClient api, MessageGate gate, Backoff backoff,
            AtomicReference<String> lastError) {
        this.type = type;
        this.api = api;
        this.gate = gate;
        this.backoff = backoff;
        this.lastError = lastError;
    }

    boolean open() {
        return open;
    }

    @Override
    public void run() {
        int failures = 0;
        while (running) {
            boolean receivedFrames = false;
            try {
                receivedFrames = connectAndListen();
            } catch (RuntimeException e) {
                if (running) {
                    lastError.set(e.getMessage());
                }
            }
            open = false;
            failures = receivedFrames ? 0 : failures + 1;
            if (!running) {
                return;
            }
            try {
                api.sleeper().sleep(backoff.delay(failures));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    void stop() {
        running = false;
        WebSocket current = socket;
        if (current != null) {
            current.abort();
        }
    }

    /** Returns whether the connection delivered at least one frame (which resets the backoff). */
    private boolean connectAndListen() {
        String path = "/ws/" + type.key();
        String key = unquote(api.get("/api/" + type.key() + "/key").strip());
        URI uri = api.webSocketUri(path, key);
        CompletableFuture<String> closed = new CompletableFuture<>();
        FrameListener listener = new FrameListener(closed);
        VccSettings settings = api.settings();
        WebSocket ws;
        try {
            ws = api.http().newWebSocketBuilder()
                    .connectTimeout(settings.connectTimeout())
                    .buildAsync(uri, listener)
                    .get(settings.connectTimeout().plus(settings.readTimeout()).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new VccException("WebSocket " + path + " handshake failed: " + e.getCause(), 0, e.getCause());
        } catch (TimeoutException e) {
            throw new VccException("WebSocket " + path + " handshake timed out", 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        socket = ws;
        lastFrameAtMs = api.clock().millis();
        open = true;
        if (everConnected) {
            api.counters().reconnects.incrementAndGet();
        }
        everConnected = true;
        try {
            watch(path, closed);
        } finally {
            open = false;
            ws.abort();
        }
        return listener.frames > 0;
    }

    private void watch(String path, CompletableFuture<String> closed) {
        long silentMs = api.settings().silentSocketTimeout().toMillis();
        long checkMs = Math.max(10, silentMs / 4);
        while (running) {
            try {
                String why = closed.get(checkMs, TimeUnit.MILLISECONDS);
                lastError.set("WebSocket " + path + " closed (" + why + "); reconnecting with a fresh key");
                return;
            } catch (TimeoutException e) {
                long silentFor = api.clock().millis() - lastFrameAtMs;
                if (silentFor > silentMs) {
                    api.counters().silentSockets.incrementAndGet();
                    lastError.set("WebSocket " + path + " sent no frame for " + silentFor + " ms (limit " + silentMs
                            + " ms); reconnecting with a fresh key");
                    return;
                }
            } catch (ExecutionException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Reassembles fragmented text frames and hands each whole frame to the gate. */
    private final class FrameListener implements WebSocket.Listener {

        private final CompletableFuture<String> closed;
        private final StringBuilder partial = new StringBuilder();
        private volatile long frames;

        FrameListener(CompletableFuture<String> closed) {
            this.closed = closed;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            if (!last) {
                partial.append(data);
            } else {
                String frame;
                if (partial.isEmpty()) {
                    frame = data.toString();
                } else {
                    frame = partial.append(data).toString();
                    partial.setLength(0);
                }
                onFrame(frame);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete("status " + statusCode + (reason.isEmpty() ? "" : ", " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(String.valueOf(error));
        }

        private void onFrame(String frame) {
            lastFrameAtMs = api.clock().millis();
            if (isEmptyArray(frame)) {
                api.counters().keepAlives.incrementAndGet();
                return;
            }
            frames++;
            try {
                gate.deliver(frame);
            } catch (RuntimeException e) {
                lastError.set("listener failed on a " + type.key() + " frame: " + e);
            }
        }
    }

    /** The key is documented as plain text; accept it wrapped as a JSON string too. */
    static String unquote(String key) {
        return key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"") ? key.substring(1, key.length() - 1) : key;
    }

    static boolean isEmptyArray(String frame) {
        int i = skipSpace(frame, 0);
        if (i >= frame.length() || frame.charAt(i) != '[') {
            return false;
        }
        i = skipSpace(frame, i + 1);
        return i < frame.length() && frame.charAt(i) == ']' && skipSpace(frame, i + 1) == frame.length();
    }

    private static int skipSpace(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
