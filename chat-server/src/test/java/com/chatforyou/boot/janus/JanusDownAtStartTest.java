package com.chatforyou.boot.janus;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.adapter.media.Polling;
import com.chatforyou.adapter.media.janus.JanusProcess;
import com.chatforyou.boot.kurento.Health;
import com.chatforyou.boot.signaling.SignalingTestClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The server starts on the Janus backend while Janus (real, not yet started) is down: start-up does not
 * wait, readiness is DOWN with the reason while liveness stays UP, joins get media-unavailable, and the
 * lobby and chat work. Once Janus runs, rooms get media, and health shows what Janus' Admin API counts.
 */
@Tag("janus")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.endpoint.health.show-details=always", "chatforyou.rooms.reconnect-grace=0s"})
@DirtiesContext
@DisplayName("Janus backend with Janus down at start (real Janus)")
class JanusDownAtStartTest {
    private static final JanusProcess JANUS = JanusProcess.create();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void useJanus(DynamicPropertyRegistry registry) {
        JanusBackend.use(registry, JANUS);
    }

    @AfterAll
    static void stopJanus() {
        JANUS.close();
    }

    @Test
    void the_server_starts_without_janus_is_not_ready_refuses_media_and_serves_once_janus_runs() throws Exception {
        JsonNode down = Polling.awaitValue("health to report the failed connection", () -> Health.ofMediaBackend(port),
                health -> health.at("/details/reason").asString().contains("not reachable"));
        assertThat(down.path("status").asString()).isEqualTo("DOWN");
        assertThat(down.at("/details/backend").asString()).isEqualTo("janus");
        assertThat(down.at("/details/url").asString()).isEqualTo(JANUS.url());
        assertThat(status("/actuator/health/readiness")).isEqualTo(503);
        assertThat(status("/actuator/health/liveness")).isEqualTo(200);

        try (SignalingTestClient ann = SignalingTestClient.connect(port)) {
            String roomId = ann.createRoom("Janus-down-" + UUID.randomUUID().toString().substring(0, 8), null, null);
            ann.requestJoin(roomId, "Ann", null, true, true);
            JsonNode refused = ann.nextOfType("error");
            assertThat(refused.path("code").asString()).isEqualTo("media-unavailable");
            assertThat(refused.path("destination").asString()).isEqualTo("/app/room.join");

            JANUS.start();
            Polling.awaitTrue("readiness UP once Janus runs", () -> status("/actuator/health/readiness") == 200);
            ann.requestJoin(roomId, "Ann", null, true, true);
            ann.nextOfType("joined");
            assertThat(ann.nextOfType("link-open").path("youOffer").asBoolean()).isTrue();
            // Ann's upstream handle is attached after link-open, so the room and both handles are awaited together.
            JsonNode counted = Polling.awaitValue("health to show Janus' own count of the room, its requests "
                            + "handle and Ann's upstream", () -> Health.ofMediaBackend(port),
                    health -> health.at("/details/janusRooms").asInt(-1) == 1
                            && health.at("/details/janusHandles").asInt(-1) == 2);
            assertThat(counted.at("/details/janusSessions").asInt()).isEqualTo(1);
            ann.send("/app/chat.send", Map.of("roomId", roomId, "text", "can you see me?"));
            assertThat(ann.nextOfType("chat").at("/message/text").asString()).isEqualTo("can you see me?");
        }
    }

    private int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
