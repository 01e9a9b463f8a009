package com.chatforyou.boot.kurento;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.adapter.media.Polling;
import com.chatforyou.adapter.media.SampleOffers;
import com.chatforyou.adapter.media.kurento.standin.KmsStandIn;
import com.chatforyou.boot.signaling.SignalingTestClient;
import java.util.ArrayList;
import java.util.List;
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
 * The whole server with {@code chatforyou.media.backend=kurento} against the KMS stand-in, driven
 * over STOMP like a browser. The stand-in moves no media: this proves the join, negotiate and leave
 * lifecycle and the protocol, not video.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.endpoint.health.show-details=always", "chatforyou.rooms.reconnect-grace=0s"})
@DirtiesContext
@DisplayName("Kurento backend over STOMP, on the KMS stand-in, which moves no media")
class KurentoSignalingTest {
    private static final KmsStandIn KMS = KmsStandIn.running();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void useTheStandIn(DynamicPropertyRegistry registry) {
        registry.add("chatforyou.media.backend", () -> "kurento");
        registry.add("chatforyou.media.kurento.url", KMS::url);
    }

    @AfterAll
    static void stopTheStandIn() {
        KMS.close();
    }

    @Test
    void join_offer_answer_and_candidates_reach_the_browsers_and_leaving_releases_everything_the_stand_in_held()
            throws Exception {
        Polling.awaitValue("the backend to connect to the stand-in", () -> Health.ofMediaBackend(port),
                health -> health.path("status").asString().equals("UP"));
        try (SignalingTestClient ann = SignalingTestClient.connect(port); SignalingTestClient bob = SignalingTestClient.connect(port)) {
            String roomId = ann.createRoom("Sfu-" + UUID.randomUUID().toString().substring(0, 8), null, null);
            ann.send("/app/lobby.rooms", java.util.Map.of());
            JsonNode rooms = ann.nextOfType("rooms");
            assertThat(rooms.path("defaultCapacity").asInt()).isEqualTo(12);
            assertThat(rooms.path("maxCapacity").asInt()).isEqualTo(16);

            ann.requestJoin(roomId, "Ann", null, true, true);
            ann.nextOfType("joined");
            JsonNode annSends = ann.nextOfType("link-open");
            assertThat(annSends.path("direction").asString()).isEqualTo("send");
            assertThat(annSends.path("youOffer").asBoolean()).isTrue();
            assertThat(annSends.path("peerId").isNull()).as("the other end is the media server").isTrue();

            negotiate(ann, annSends, SampleOffers.publishesAudioAndVideo());

            bob.requestJoin(roomId, "Bob", null, true, false);
            bob.nextOfType("joined");
            List<JsonNode> bobLinks = List.of(bob.nextOfType("link-open"), bob.nextOfType("link-open"));
            JsonNode bobReceivesAnn = bobLinks.stream().filter(l -> l.path("direction").asString().equals("receive"))
                    .findFirst().orElseThrow();
            JsonNode bobSends = bobLinks.stream().filter(l -> l.path("direction").asString().equals("send"))
                    .findFirst().orElseThrow();
            assertThat(bobReceivesAnn.path("youOffer").asBoolean()).as("viewers offer receive-only").isTrue();
            assertThat(bobReceivesAnn.path("publisherId").asString())
                    .isEqualTo(annSends.path("publisherId").asString());
            negotiate(bob, bobReceivesAnn, SampleOffers.receivesAudioAndVideo());
            negotiate(bob, bobSends, SampleOffers.publishesAudioOnly());
            JsonNode annReceivesBob = ann.nextOfType("link-open");
            assertThat(annReceivesBob.path("direction").asString()).isEqualTo("receive");
            negotiate(ann, annReceivesBob, SampleOffers.receivesAudioAndVideo());

            assertThat(KMS.liveObjects("MediaPipeline")).isEqualTo(1);
            assertThat(KMS.liveObjects("WebRtcEndpoint")).isEqualTo(4);
            assertThat(KMS.mediaConnections()).filteredOn(c -> "VIDEO".equals(c.mediaType()))
                    .as("only Ann sends video").hasSize(1);

            bob.send("/app/room.leave", java.util.Map.of());
            bob.nextOfType("left");
            List<String> closed = new ArrayList<>();
            closed.add(ann.nextOfType("link-close").path("linkId").asString());
            assertThat(closed).containsExactly(annReceivesBob.path("linkId").asString());
            Polling.awaitTrue("Bob's endpoints released", () -> KMS.liveObjects("WebRtcEndpoint") == 1);

            ann.send("/app/room.leave", java.util.Map.of());
            ann.nextOfType("left");
            Polling.awaitTrue("the stand-in holds nothing", () -> KMS.liveObjects() == 0);
        }
    }

    /** Offers as the browser would and checks the media server's answer and candidates arrive. */
    private static void negotiate(SignalingTestClient browser, JsonNode link, String offer) {
        String linkId = link.path("linkId").asString();
        browser.sendDescription(linkId, "offer", offer);
        browser.sendCandidate(linkId, "candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host");
        JsonNode answer = browser.nextEventMatching(e -> e.path("type").asString().equals("sdp")
                && e.path("linkId").asString().equals(linkId), "the answer on " + linkId);
        assertThat(answer.at("/description/type").asString()).isEqualTo("answer");
        assertThat(answer.at("/description/sdp").asString()).startsWith("v=0");
        JsonNode candidate = browser.nextEventMatching(e -> e.path("type").asString().equals("ice")
                && e.path("linkId").asString().equals(linkId), "a candidate on " + linkId);
        assertThat(candidate.at("/candidate/candidate").asString()).startsWith("candidate:");
    }
}
