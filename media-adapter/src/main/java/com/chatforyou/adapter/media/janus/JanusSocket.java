package com.chatforyou.adapter.media.janus;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One WebSocket to Janus carrying JSON text messages, on the JDK's client. Opening is bounded (a
 * server that takes the TCP connection and never answers the handshake cannot hold the caller), sends
 * are queued so callers never wait, and the listener hears every message and, once, the close.
 */
final class JanusSocket {
    private static final System.Logger LOG = System.getLogger(JanusSocket.class.getName());
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Janus messages are a few KB (an SDP with candidates); anything far larger is not Janus. */
    private static final int MAX_MESSAGE_CHARS = 1 << 20;

    interface Listener {
        void message(JsonNode message);

        /** The socket is gone, whoever closed it; called once. */
        void closed(String why);
    }

    private final WebSocket webSocket;
    private final Receiver receiver;
    private final Object sendLock = new Object();
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

    private JanusSocket(WebSocket webSocket, Receiver receiver) {
        this.webSocket = webSocket;
        this.receiver = receiver;
    }

    /** Opens the socket with a subprotocol ({@code janus-protocol} or {@code janus-admin-protocol}). */
    static JanusSocket open(HttpClient http, URI url, String subprotocol, Duration timeout, Listener listener)
            throws IOException {
        Receiver receiver = new Receiver(listener);
        CompletableFuture<WebSocket> opening = http.newWebSocketBuilder()
                .connectTimeout(timeout)
                .subprotocols(subprotocol)
                .buildAsync(url, receiver);
        WebSocket webSocket;
        try {
            webSocket = opening.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            opening.cancel(true);
            opening.thenAccept(WebSocket::abort);
            throw new IOException("no answer to the WebSocket handshake within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IOException(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(),
                    cause);
        }
        if (!subprotocol.equals(webSocket.getSubprotocol())) {
            webSocket.abort();
            throw new IOException("the server did not accept the WebSocket subprotocol " + subprotocol);
        }
        return new JanusSocket(webSocket, receiver);
    }

    /** Queues one message; a failed send closes the socket. */
    void send(JsonNode message) {
        String text = JSON.writeValueAsString(message);
        synchronized (sendLock) {
            sending = sending.thenCompose(previous -> webSocket.sendText(text, true))
                    .exceptionally(failure -> {
                        abort("sending failed: " + failure.getMessage());
                        return null;
                    });
        }
    }

    boolean isOpen() {
        return !receiver.closed.get() && !webSocket.isOutputClosed();
    }

    /** Closes without waiting for the server; the listener hears it. */
    void abort(String why) {
        webSocket.abort();
        receiver.closedBecause(why);
    }

    /** Reassembles text frames into messages and reports the end once. */
    private static final class Receiver implements WebSocket.Listener {
        private final Listener listener;
        private final StringBuilder partial = new StringBuilder();
        private final AtomicBoolean closed = new AtomicBoolean();

        Receiver(Listener listener) {
            this.listener = listener;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (partial.length() > MAX_MESSAGE_CHARS) {
                webSocket.abort();
                closedBecause("a message from Janus exceeded " + MAX_MESSAGE_CHARS + " characters");
                return null;
            }
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    listener.message(JSON.readTree(text));
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "Janus message not handled: {0}", e.toString());
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closedBecause("closed by Janus (" + statusCode + (reason == null || reason.isEmpty() ? "" : " " + reason) + ")");
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closedBecause("connection failed: " + error.getMessage());
        }

        void closedBecause(String why) {
            if (closed.compareAndSet(false, true)) {
                listener.closed(why);
            }
        }
    }
}
