package com.chatforyou.boot.janus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /actuator/mediaservers} over HTTP, as an operator's script would read and drain it. */
final class MediaServersEndpoint {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;

    MediaServersEndpoint(int port) {
        this.port = port;
    }

    /** Each server by its id (host:port), as the endpoint lists them. */
    Map<String, JsonNode> servers() {
        JsonNode body = JSON.readTree(send(HttpRequest.newBuilder(uri("")).GET(), 200));
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        body.path("servers").forEach(server -> byId.put(server.path("id").asString(), server));
        return byId;
    }

    int rooms(String id) {
        return servers().get(id).path("rooms").asInt(-1);
    }

    boolean up(String id) {
        return servers().get(id).path("up").asBoolean(false);
    }

    /** The server holding exactly one room, when exactly one server does and the others hold none. */
    String onlyServerWithARoom() {
        String found = null;
        for (Map.Entry<String, JsonNode> server : servers().entrySet()) {
            int rooms = server.getValue().path("rooms").asInt();
            if (rooms > 1 || rooms == 1 && found != null) {
                return null;
            }
            if (rooms == 1) {
                found = server.getKey();
            }
        }
        return found;
    }

    /** POST {"draining": ...}; the server's entry as the endpoint answers it. */
    JsonNode drain(String id, boolean draining) {
        return JSON.readTree(send(HttpRequest.newBuilder(uri("/" + id)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"draining\":" + draining + "}")), 200));
    }

    int statusOfDrain(String id) {
        return status(HttpRequest.newBuilder(uri("/" + id)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"draining\":true}")));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + "/actuator/mediaservers" + path);
    }

    private static String send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new AssertionError(response.request().method() + " " + response.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int status(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
