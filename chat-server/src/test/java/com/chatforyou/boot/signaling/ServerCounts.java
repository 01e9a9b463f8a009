package com.chatforyou.boot.signaling;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the server's gauges the way an operator would: over HTTP from {@code /actuator/metrics}. */
public final class ServerCounts {
    static final List<String> HELD = List.of("chatforyou.rooms.live", "chatforyou.participants.seated",
            "chatforyou.media.links", "chatforyou.seats.awaiting.reconnect",
            "chatforyou.signaling.rate.limited.connections");

    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    public ServerCounts(int port) {
        this.port = port;
    }

    public double gauge(String name) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/metrics/" + name)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET /actuator/metrics/" + name + " answered " + response.statusCode());
        }
        JsonNode body = json.readTree(response.body());
        return body.at("/measurements/0/value").asDouble();
    }

    Map<String, Double> held() throws Exception {
        Map<String, Double> counts = new LinkedHashMap<>();
        for (String name : HELD) {
            counts.put(name, gauge(name));
        }
        return counts;
    }

    /** Waits, within a generous bound, until every gauge of what the server holds is zero; returns the last reading. */
    public Map<String, Double> awaitNothingHeld(long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Map<String, Double> counts = held();
        while (counts.values().stream().anyMatch(value -> value != 0) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            counts = held();
        }
        return counts;
    }
}
