package com.chatforyou.boot.signaling;

import static com.chatforyou.boot.signaling.SignalingTestClient.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A participant whose connection dies after sending an offer and before the answer: the peer hears
 * that the participant left and that their links closed, and the server keeps no link.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "chatforyou.rooms.reconnect-grace=1s", "chatforyou.rooms.reconnect-sweep-interval=200ms"})
class MidNegotiationLossTest {

    @LocalServerPort
    int port;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aClientThatVanishesAfterItsOfferLeavesNoHangingLinks() throws Exception {
        try (SignalingTestClient ann = SignalingTestClient.connect(port);
             RawWebSocket vanishing = RawWebSocket.stomp(port, null)) {
            String roomId = ann.createRoom(uniqueName("Negotiating"), null, null);
            ann.join(roomId, "Ann", null, true, true);
            vanishing.startReading();
            vanishing.sendStomp("/app/room.join", json.writeValueAsString(Map.of("roomId", roomId,
                    "displayName", "Vic", "media", Map.of("audio", true, "video", true))));
            vanishing.nextOfType("joined");

            // Vic offers on a link it offers on; Ann receives the offer and never gets to answer.
            String offeredLink = null;
            while (offeredLink == null) {
                JsonNode open = json.readTree(vanishing.nextOfType("link-open"));
                if (open.path("youOffer").asBoolean()) {
                    offeredLink = open.path("linkId").asString();
                }
            }
            vanishing.sendStomp("/app/link.sdp", json.writeValueAsString(Map.of("linkId", offeredLink,
                    "description", Map.of("type", "offer", "sdp", "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\n"))));
            JsonNode offer = ann.nextOfType("sdp");
            assertThat(offer.path("linkId").asString()).isEqualTo(offeredLink);

            vanishing.kill();

            // The server closes the links before it announces the departure.
            JsonNode closed = ann.nextOfType("link-close");
            assertThat(closed.path("linkId").asString()).isNotBlank();
            JsonNode left = ann.nextOfType("participant-left");
            assertThat(left.path("reason").asString()).isEqualTo("disconnected");
            assertThat(new ServerCounts(port).gauge("chatforyou.media.links")).isZero();
        }
    }
}
