package com.chatforyou.boot.kurento;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.adapter.media.Polling;
import com.chatforyou.adapter.media.kurento.standin.KmsStandIn;
import com.chatforyou.boot.signaling.SignalingTestClient;
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
 * KMS's address accepts TCP connections but never answers the WebSocket handshake (kurento-client
 * alone would block ~25 s on that): the server starts anyway, health is DOWN, joins are refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.endpoint.health.show-details=always", "chatforyou.rooms.reconnect-grace=0s"})
@DirtiesContext
@DisplayName("Kurento backend with a KMS address that never answers (stand-in, no media)")
class KurentoNeverAnswersTest {
    private static final KmsStandIn KMS = KmsStandIn.acceptingButNeverAnswering();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void useTheStandIn(DynamicPropertyRegistry registry) {
        registry.add("chatforyou.media.backend", () -> "kurento");
        registry.add("chatforyou.media.kurento.url", KMS::url);
        registry.add("chatforyou.media.kurento.connect-timeout", () -> "500ms");
    }

    @AfterAll
    static void stopTheStandIn() {
        KMS.close();
    }

    @Test
    void the_server_starts_reports_kms_down_and_refuses_joins_with_media_unavailable() throws Exception {
        JsonNode health = Polling.awaitValue("health to report the silent server", () -> Health.ofMediaBackend(port),
                h -> h.at("/details/reason").asString().contains("no answer"));
        assertThat(health.path("status").asString()).isEqualTo("DOWN");

        try (SignalingTestClient ann = SignalingTestClient.connect(port)) {
            String roomId = ann.createRoom("Silent-" + UUID.randomUUID().toString().substring(0, 8), null, null);
            ann.requestJoin(roomId, "Ann", null, false, false);
            assertThat(ann.nextOfType("error").path("code").asString()).isEqualTo("media-unavailable");
        }
    }
}
