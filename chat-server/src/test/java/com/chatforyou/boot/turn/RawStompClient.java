package com.chatforyou.boot.turn;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A STOMP connection written by hand on the JDK's WebSocket client, keeping every WebSocket message
 * exactly as the server sent it (headers and body), so a test can search all of it.
 */
final class RawStompClient implements AutoCloseable {
    /** An upper bound so a broken server fails the test instead of hanging it. */
    private static final long WAIT_SECONDS = 30;

    private final WebSocket socket;
    private final List<String> everything = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> unread = new LinkedBlockingQueue<>();

    private RawStompClient(int port) throws Exception {
        socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("v12.stomp")
                .connectTimeout(Duration.ofSeconds(WAIT_SECONDS))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/signaling"), new Collector())
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        // No heart-beats: the test never stays idle long enough to need them.
        sendFrame("CONNECT\naccept-version:1.2\nhost:127.0.0.1\nheart-beat:0,0\n\n");
        next(frame -> frame.startsWith("CONNECTED"), "CONNECTED");
        sendFrame("SUBSCRIBE\nid:events\ndestination:/user/queue/events\n\n");
        sendFrame("SUBSCRIBE\nid:lobby\ndestination:/topic/lobby\n\n");
    }

    static RawStompClient connect(int port) throws Exception {
        return new RawStompClient(port);
    }

    void send(String destination, String json) {
        int length = json.getBytes(StandardCharsets.UTF_8).length;
        sendFrame("SEND\ndestination:" + destination + "\ncontent-type:application/json\ncontent-length:" + length
                + "\n\n" + json);
    }

    /** The body of the next MESSAGE whose body has {@code "type":"<type>"}; earlier ones are skipped. */
    String nextMessage(String type) {
        String frame = next(f -> f.startsWith("MESSAGE") && body(f).contains("\"type\":\"" + type + "\""), type);
        return body(frame);
    }

    /** Every WebSocket message received so far, raw. */
    List<String> everything() {
        return List.copyOf(everything);
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }

    private String next(Predicate<String> wanted, String what) {
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (true) {
                String frame = unread.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (frame == null) {
                    throw new AssertionError("No " + what + " within " + WAIT_SECONDS + " s; got " + everything);
                }
                if (frame.startsWith("ERROR")) {
                    throw new AssertionError("STOMP ERROR frame: " + frame);
                }
                if (wanted.test(frame)) {
                    return frame;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void sendFrame(String frameWithoutNull) {
        socket.sendText(frameWithoutNull + "\0", true).join();
    }

    private static String body(String frame) {
        int start = frame.indexOf("\n\n");
        String body = start < 0 ? "" : frame.substring(start + 2);
        return body.endsWith("\0") ? body.substring(0, body.length() - 1) : body;
    }

    private final class Collector implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                everything.add(message);
                unread.add(message);
            }
            webSocket.request(1);
            return null;
        }
    }
}
