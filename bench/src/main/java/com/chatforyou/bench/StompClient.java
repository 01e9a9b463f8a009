package com.chatforyou.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One STOMP 1.2 connection over the JDK's asynchronous WebSocket client: no thread per connection,
 * so thousands fit in one small process. Frames are written and parsed here; the handler sees
 * CONNECTED, MESSAGE bodies, ERROR frames and the close.
 */
final class StompClient implements WebSocket.Listener {

    /** What a connection reports; called on the HTTP client's threads, one call at a time per connection. */
    interface Handler {
        void connected(StompClient client);

        void message(StompClient client, String destination, String body);

        void stompError(StompClient client, String message);

        void closed(StompClient client, String reason);
    }

    private final Handler handler;
    private final StringBuilder partial = new StringBuilder();
    private final Queue<String> outbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean closeReported = new AtomicBoolean();
    private volatile WebSocket socket;
    private int nextSubscription;

    private StompClient(Handler handler) {
        this.handler = handler;
    }

    /** Opens the WebSocket (STOMP subprotocol, as the browser asks) and completes once it is open. */
    static CompletableFuture<StompClient> open(HttpClient http, URI uri, Handler handler) {
        return open(http, uri, handler, Map.of());
    }

    /** @param headers extra handshake headers, such as a proxy's {@code X-Forwarded-For} */
    static CompletableFuture<StompClient> open(HttpClient http, URI uri, Handler handler, Map<String, String> headers) {
        StompClient client = new StompClient(handler);
        WebSocket.Builder builder = http.newWebSocketBuilder().subprotocols("v12.stomp");
        headers.forEach(builder::header);
        return builder
                .buildAsync(uri, client)
                .thenApply(socket -> {
                    client.socket = socket;
                    return client;
                });
    }

    /** Sends CONNECT without heart-beats: the bench measures messages, not idle beats (see docs). */
    void connect() {
        write(frame("CONNECT", Map.of("accept-version", "1.2", "host", "127.0.0.1", "heart-beat", "0,0"), ""));
    }

    void subscribe(String destination) {
        write(frame("SUBSCRIBE", Map.of("id", "sub-" + nextSubscription++, "destination", destination), ""));
    }

    void send(String destination, String jsonBody) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("destination", destination);
        headers.put("content-type", "application/json");
        write(frame("SEND", headers, jsonBody));
    }

    /** A polite goodbye: DISCONNECT, then the WebSocket close. */
    void close() {
        if (closed.compareAndSet(false, true) && socket != null) {
            write(frame("DISCONNECT", Map.of(), ""));
            outbox.add("");
            pump();
        }
    }

    /** Drops the connection without STOMP's goodbye. */
    void abort() {
        closed.set(true);
        if (socket != null) {
            socket.abort();
        }
    }

    static String frame(String command, Map<String, String> headers, String body) {
        StringBuilder frame = new StringBuilder(command.length() + body.length() + 64).append(command).append('\n');
        headers.forEach((name, value) -> frame.append(name).append(':').append(value).append('\n'));
        return frame.append('\n').append(body).append('\0').toString();
    }

    /** Sends strictly one at a time, as the JDK WebSocket requires, in the order written. */
    private void write(String text) {
        outbox.add(text);
        pump();
    }

    private void pump() {
        while (sending.compareAndSet(false, true)) {
            String next = outbox.poll();
            if (next == null) {
                sending.set(false);
                if (outbox.isEmpty()) {
                    return;
                }
                continue;
            }
            CompletableFuture<WebSocket> sent = next.isEmpty()
                    ? socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye")
                    : socket.sendText(next, true);
            sent.whenComplete((ignored, failure) -> {
                sending.set(false);
                if (failure != null) {
                    outbox.clear();
                    reportClosed("send failed: " + failure);
                } else {
                    pump();
                }
            });
            return;
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            int start = 0;
            int end;
            while ((end = text.indexOf('\0', start)) >= 0) {
                parse(text, start, end);
                start = end + 1;
            }
        }
        webSocket.request(1);
        return null;
    }

    private void parse(String text, int start, int end) {
        // Heart-beats and frame separators are bare line ends before the command.
        while (start < end && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
            start++;
        }
        int lineEnd = text.indexOf('\n', start);
        if (lineEnd < 0 || lineEnd > end) {
            return;
        }
        String command = text.substring(start, lineEnd).strip();
        String destination = null;
        String message = null;
        int position = lineEnd + 1;
        while (position < end) {
            int next = text.indexOf('\n', position);
            if (next < 0 || next > end) {
                next = end;
            }
            String line = text.substring(position, next);
            position = next + 1;
            if (line.isEmpty() || line.equals("\r")) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                String name = line.substring(0, colon);
                if (destination == null && name.equals("destination")) {
                    destination = line.substring(colon + 1);
                } else if (message == null && name.equals("message")) {
                    message = line.substring(colon + 1);
                }
            }
        }
        String body = position <= end ? text.substring(Math.min(position, end), end) : "";
        switch (command) {
            case "CONNECTED" -> handler.connected(this);
            case "MESSAGE" -> handler.message(this, destination, body);
            case "ERROR" -> handler.stompError(this, message == null ? body : message);
            default -> {
                // RECEIPT is never asked for.
            }
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        reportClosed("closed " + statusCode + " " + reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        reportClosed("error " + error);
    }

    private void reportClosed(String reason) {
        if (closeReported.compareAndSet(false, true)) {
            handler.closed(this, reason);
        }
    }
}
