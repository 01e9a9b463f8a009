package com.chatforyou.adapter.media.janus;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Janus' Admin API, for leak accounting: which sessions and handles exist on the server, and which
 * videorooms. Opens one short-lived WebSocket per census, so it holds nothing between checks.
 */
public final class JanusAdmin {
    private final URI url;
    private final String adminSecret;
    private final String roomAdminKey;
    private final Duration timeout;

    /**
     * What a Janus server holds. {@code appHandles} counts handles attached with the app's opaque id;
     * {@code rooms} counts videorooms, private ones included.
     */
    public record Census(int sessions, int handles, int appHandles, int rooms) {
        public boolean isEmpty() {
            return sessions == 0 && handles == 0 && rooms == 0;
        }
    }

    public JanusAdmin(URI url, String adminSecret, String roomAdminKey, Duration timeout) {
        this.url = url;
        this.adminSecret = adminSecret;
        this.roomAdminKey = roomAdminKey;
        this.timeout = timeout;
    }

    public static JanusAdmin of(JanusSettings settings) {
        if (settings.adminUrl() == null) {
            throw new IllegalStateException("No Janus Admin API is configured");
        }
        return new JanusAdmin(settings.adminUrl(), settings.adminSecret(), settings.roomAdminKey(),
                settings.requestTimeout());
    }

    /** Counts sessions (list_sessions), their handles (list_handles) and videorooms (the plugin's list). */
    public Census census() throws IOException {
        try (Exchange admin = new Exchange()) {
            int sessions = 0;
            int handles = 0;
            int appHandles = 0;
            for (JsonNode session : admin.call(request("list_sessions")).path("sessions")) {
                sessions++;
                ObjectNode listHandles = request("list_handles");
                listHandles.put("session_id", session.asLong());
                for (JsonNode handle : admin.call(listHandles).path("handles")) {
                    handles++;
                    ObjectNode info = request("handle_info");
                    info.put("session_id", session.asLong());
                    info.put("handle_id", handle.asLong());
                    JsonNode described = admin.callQuietly(info);
                    if (described != null
                            && JanusConnection.OPAQUE_ID.equals(described.path("info").path("opaque_id").asString())) {
                        appHandles++;
                    }
                }
            }
            ObjectNode list = request("message_plugin");
            list.put("plugin", JanusConnection.VIDEOROOM);
            ObjectNode body = list.putObject("request").put("request", "list");
            if (roomAdminKey != null) {
                body.put("admin_key", roomAdminKey);
            }
            int rooms = admin.call(list).path("response").path("list").size();
            return new Census(sessions, handles, appHandles, rooms);
        }
    }

    private ObjectNode request(String janus) {
        ObjectNode request = JanusSocket.JSON.createObjectNode().put("janus", janus);
        if (adminSecret != null) {
            request.put("admin_secret", adminSecret);
        }
        return request;
    }

    /** One Admin API WebSocket: requests answered in turn. */
    private final class Exchange implements AutoCloseable, JanusSocket.Listener {
        private final Map<String, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
        private final AtomicLong transactions = new AtomicLong();
        private final JanusSocket socket;

        Exchange() throws IOException {
            socket = JanusSocket.open(HttpClient.newBuilder().connectTimeout(timeout).build(), url,
                    "janus-admin-protocol", timeout, this);
        }

        JsonNode call(ObjectNode request) throws IOException {
            JsonNode reply = callQuietly(request);
            if (reply == null) {
                throw new IOException("Janus Admin API: no answer to " + request.path("janus").asString());
            }
            if ("error".equals(reply.path("janus").asString())) {
                throw new IOException("Janus Admin API refused " + request.path("janus").asString() + ": "
                        + reply.path("error").path("reason").asString());
            }
            return reply;
        }

        JsonNode callQuietly(ObjectNode request) {
            String transaction = "admin-" + transactions.incrementAndGet();
            request.put("transaction", transaction);
            CompletableFuture<JsonNode> reply = new CompletableFuture<>();
            waiting.put(transaction, reply);
            socket.send(request);
            try {
                return reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } finally {
                waiting.remove(transaction);
            }
        }

        @Override
        public void message(JsonNode message) {
            CompletableFuture<JsonNode> reply = waiting.get(message.path("transaction").asString());
            if (reply != null) {
                reply.complete(message);
            }
        }

        @Override
        public void closed(String why) {
            waiting.values().forEach(reply -> reply.completeExceptionally(new IOException(why)));
        }

        @Override
        public void close() {
            socket.abort("census done");
        }
    }
}
