package com.chatforyou.boot.kurento;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.adapter.media.Polling;
import com.chatforyou.adapter.media.kurento.standin.KmsStandIn;
import com.chatforyou.boot.signaling.SignalingTestClient;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The server starts with the Kurento backend while KMS (the stand-in, which moves no media) is down:
 * start-up does not wait, health says DOWN, joins get media-unavailable, and the lobby works. When
 * KMS comes up rooms get media; when it goes away again, chat in a room keeps working.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.endpoint.health.show-details=always", "chatforyou.rooms.reconnect-grace=0s"})
@DirtiesContext
@DisplayName("Kurento backend with KMS down at start (stand-in, no media)")
class KurentoDownAtStartTest {
    private static final KmsStandIn KMS = KmsStandIn.create();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void useTheStandIn(DynamicPropertyRegistry registry) {
        registry.add("chatforyou.media.backend", () -> "kurento");
        registry.add("chatforyou.media.kurento.url", KMS::url);
        registry.add("chatforyou.media.kurento.first-retry-delay", () -> "100ms");
        registry.add("chatforyou.media.kurento.max-retry-delay", () -> "500ms");
    }

    @AfterAll
    static void stopTheStandIn() {
        KMS.close();
    }

    @Test
    void the_server_starts_without_kms_refuses_media_keeps_the_lobby_and_chat_and_recovers_when_kms_comes()
            throws Exception {
        JsonNode down = Polling.awaitValue("health to report the failed connection", () -> Health.ofMediaBackend(port),
                health -> health.at("/details/reason").asString().contains("not reachable"));
        assertThat(down.path("status").asString()).isEqualTo("DOWN");
        assertThat(down.at("/details/backend").asString()).isEqualTo("kurento");
        assertThat(down.at("/details/url").asString()).isEqualTo(KMS.url());

        try (SignalingTestClient ann = SignalingTestClient.connect(port)) {
            String roomId = ann.createRoom("Down-" + UUID.randomUUID().toString().substring(0, 8), null, null);
            ann.send("/app/lobby.rooms", Map.of());
            assertThat(ann.nextOfType("rooms").path("rooms").toString()).contains(roomId);

            ann.requestJoin(roomId, "Ann", null, true, true);
            JsonNode refused = ann.nextOfType("error");
            assertThat(refused.path("code").asString()).isEqualTo("media-unavailable");
            assertThat(refused.path("destination").asString()).isEqualTo("/app/room.join");

            KMS.start();
            Polling.awaitTrue("health UP", () -> Health.status(port).equals("UP"));
            ann.requestJoin(roomId, "Ann", null, true, true);
            ann.nextOfType("joined");
            assertThat(ann.nextOfType("link-open").path("youOffer").asBoolean()).isTrue();

            KMS.stop();
            Polling.awaitTrue("health DOWN again", () -> Health.status(port).equals("DOWN"));
            ann.send("/app/chat.send", Map.of("roomId", roomId, "text", "can you hear me?"));
            assertThat(ann.nextOfType("chat").at("/message/text").asString()).isEqualTo("can you hear me?");
        }
    }
}
