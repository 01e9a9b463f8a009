package com.chatforyou.boot.signaling;

import static com.chatforyou.boot.signaling.SignalingTestClient.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.adapter.signaling.SignalingWebSocketHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.socket.WebSocketHandler;
import tools.jackson.databind.JsonNode;

/**
 * A client over its chat or negotiation rate gets a typed {@code rate-limited} error and its message
 * is dropped; one that keeps going is disconnected. Rates are tiny here (one token per 1000 s) so no
 * token comes back while the test runs and no step depends on timing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "chatforyou.rooms.reconnect-grace=0s",
        "chatforyou.limits.chat.rate=0.001", "chatforyou.limits.chat.burst=3",
        "chatforyou.limits.negotiation.rate=0.001", "chatforyou.limits.negotiation.burst=2",
        "chatforyou.limits.refusals.rate=0.001", "chatforyou.limits.refusals.burst=2"})
class RateLimitingTest {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("subProtocolWebSocketHandler")
    WebSocketHandler webSocketHandler;

    private final List<SignalingTestClient> clients = new ArrayList<>();

    @AfterEach
    void disconnect() {
        clients.forEach(SignalingTestClient::close);
    }

    @Test
    void connectionsAreServedByTheHandlerWhoseSessionsSendTheErrorFrameBeforeClosing() {
        // Spring's own handler's sessions drop an ERROR frame still buffered at the close that follows it
        // (FlushBeforeCloseSessionTest); that made the test below miss the frame now and then.
        assertThat(webSocketHandler).isInstanceOf(SignalingWebSocketHandler.class);
    }

    @Test
    void chatOverTheLimitIsRefusedToTheSenderOnlyThenTheSenderIsDisconnected() throws Exception {
        SignalingTestClient ann = connect();
        String roomId = ann.createRoom(uniqueName("Rates"), null, null);
        ann.join(roomId, "Ann", null, false, false);
        SignalingTestClient bob = connect();
        bob.join(roomId, "Bob", null, false, false);
        ann.next("participant-joined");

        for (int i = 1; i <= 4; i++) {
            ann.send("/app/chat.send", Map.of("roomId", roomId, "text", "message " + i));
        }
        for (int i = 1; i <= 3; i++) {
            assertThat(ann.next("chat").at("/message/text").asString()).isEqualTo("message " + i);
        }
        JsonNode refused = ann.next("error");
        assertThat(refused.path("code").asString()).isEqualTo("rate-limited");
        assertThat(refused.path("destination").asString()).isEqualTo("/app/chat.send");

        // Bob still chats: his bucket is his own. What he sees is the three messages, then his own.
        bob.send("/app/chat.send", Map.of("roomId", roomId, "text", "from bob"));
        List<JsonNode> beforeBobs = new ArrayList<>();
        while (true) {
            JsonNode chat = bob.next("chat");
            if (chat.at("/message/text").asString().equals("from bob")) {
                break;
            }
            beforeBobs.add(chat);
        }
        assertThat(beforeBobs).extracting(chat -> chat.at("/message/text").asString())
                .containsExactly("message 1", "message 2", "message 3");

        // One more refusal uses up Ann's budget of two; the next over-limit message ends the connection.
        ann.send("/app/chat.send", Map.of("roomId", roomId, "text", "message 5"));
        assertThat(ann.nextOfType("error").path("code").asString()).isEqualTo("rate-limited");
        ann.send("/app/chat.send", Map.of("roomId", roomId, "text", "message 6"));

        assertThat(ann.awaitClosedByServer()).isTrue();
        assertThat(ann.awaitStompErrors()).anySatisfy(error -> assertThat(error).contains("rate-limited"));
        JsonNode left = bob.nextOfType("participant-left");
        assertThat(left.path("reason").asString()).isEqualTo("disconnected");
        assertThat(bob.isConnected()).isTrue();
    }

    /**
     * A burst: refusals are still being written to the client when its close comes. Spring's own session
     * decorator lost the ERROR frame in 8 of 80 such floods on a loaded machine (none of 80 with the
     * adapter's); repeated so that a regression shows.
     */
    @RepeatedTest(20)
    void aFloodingClientIsToldWhyItIsClosed() throws Exception {
        SignalingTestClient ann = connect();
        String roomId = ann.createRoom(uniqueName("Flood"), null, null);
        ann.join(roomId, "Ann", null, false, false);
        // Three pass, two are refused, the sixth closes the connection: all sent before the server can close.
        for (int i = 1; i <= 6; i++) {
            ann.send("/app/chat.send", Map.of("roomId", roomId, "text", "message " + i));
        }

        assertThat(ann.awaitClosedByServer()).isTrue();
        assertThat(ann.awaitStompErrors()).anySatisfy(error -> assertThat(error).contains("rate-limited"));
    }

    @Test
    void negotiationHasItsOwnLimit() throws Exception {
        SignalingTestClient ann = connect();
        String roomId = ann.createRoom(uniqueName("Negotiation"), null, null);
        ann.join(roomId, "Ann", null, true, true);

        String sdp = "{\"linkId\":\"no-such-link\",\"description\":{\"type\":\"offer\",\"sdp\":\"v=0\\r\\n\"}}";
        for (int i = 0; i < 3; i++) {
            ann.sendRaw("/app/link.sdp", sdp);
        }

        // Two pass the limiter and are refused by the domain; the third never reaches it.
        assertThat(ann.next("error").path("code").asString()).isEqualTo("unknown-link");
        assertThat(ann.next("error").path("code").asString()).isEqualTo("unknown-link");
        assertThat(ann.next("error").path("code").asString()).isEqualTo("rate-limited");
        // Chat is a different bucket.
        ann.send("/app/chat.send", Map.of("roomId", roomId, "text", "still here"));
        assertThat(ann.next("chat").at("/message/text").asString()).isEqualTo("still here");
    }

    private SignalingTestClient connect() throws Exception {
        SignalingTestClient client = SignalingTestClient.connect(port);
        clients.add(client);
        return client;
    }
}
