package com.chatforyou.boot.kurento;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.adapter.media.Polling;
import com.chatforyou.adapter.media.kurento.standin.KmsStandIn;
import com.chatforyou.boot.signaling.SignalingTestClient;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A KMS that stops answering (the stand-in, silenced; it moves no media anyway): a join is refused
 * with media-unavailable once the bounded operation timeout passes instead of hanging, health turns
 * DOWN, and service resumes when KMS answers again. The {@code @Timeout} only stops a hanging build.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.endpoint.health.show-details=always", "chatforyou.rooms.reconnect-grace=0s"})
@DirtiesContext
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@DisplayName("Kurento backend with a KMS that stops answering (stand-in, no media)")
class KurentoUnresponsiveKmsTest {
    private static final KmsStandIn KMS = KmsStandIn.running();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void useTheStandIn(DynamicPropertyRegistry registry) {
        registry.add("chatforyou.media.backend", () -> "kurento");
        registry.add("chatforyou.media.kurento.url", KMS::url);
        registry.add("chatforyou.media.kurento.request-timeout", () -> "700ms");
        registry.add("chatforyou.media.kurento.operation-timeout", () -> "1500ms");
    }

    @AfterAll
    static void stopTheStandIn() {
        KMS.close();
    }

    @Test
    void a_join_while_kms_hangs_gets_media_unavailable_and_the_next_join_after_it_recovers_succeeds() throws Exception {
        Polling.awaitTrue("health UP", () -> Health.status(port).equals("UP"));
        try (SignalingTestClient ann = SignalingTestClient.connect(port); SignalingTestClient bob = SignalingTestClient.connect(port)) {
            String first = ann.createRoom("Hang-" + UUID.randomUUID().toString().substring(0, 8), null, null);

            KMS.silence(true);
            ann.requestJoin(first, "Ann", null, true, true);

            JsonNode refused = ann.nextOfType("error");
            assertThat(refused.path("code").asString()).isEqualTo("media-unavailable");
            JsonNode health = Health.ofMediaBackend(port);
            assertThat(health.path("status").asString()).isEqualTo("DOWN");
            assertThat(health.at("/details/reason").asString()).contains("did not answer");

            KMS.silence(false);
            Polling.awaitTrue("health UP again", () -> Health.status(port).equals("UP"));
            String second = bob.createRoom("Back-" + UUID.randomUUID().toString().substring(0, 8), null, null);
            // Retries are paced below the request rate limit (5 a second): faster ones get Bob disconnected.
            Polling.awaitValue("a join to succeed", () -> {
                pauseBetweenJoins();
                bob.requestJoin(second, "Bob", null, true, false);
                return bob.nextEventMatching(e -> e.path("type").asString().equals("joined")
                        || e.path("type").asString().equals("error"), "a reply to the join");
            }, reply -> reply.path("type").asString().equals("joined"));
        }
    }

    private static void pauseBetweenJoins() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
