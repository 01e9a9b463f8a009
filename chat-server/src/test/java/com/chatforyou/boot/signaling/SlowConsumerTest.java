package com.chatforyou.boot.signaling;

import static com.chatforyou.boot.signaling.SignalingTestClient.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A member that stops reading its socket is cut off once the server cannot hand it more, and the
 * room goes on: a member that reads receives every message, and sees the stalled one leave as
 * disconnected. The stalled member's socket buffers take a few megabytes;
 * after that, messages queue for it at the server until the send time or buffer limit cuts it off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "chatforyou.rooms.reconnect-grace=0s",
        "chatforyou.limits.websocket.send-buffer-size=256KB", "chatforyou.limits.websocket.send-time-limit=2s",
        "chatforyou.limits.chat.rate=1000000", "chatforyou.limits.chat.burst=1000000"})
class SlowConsumerTest {
    /** Small enough that a member who reads never has a send buffer's worth queued. */
    private static final int BATCH = 10;
    /** Far more than the kernel buffers take; reaching it means the stalled member was never cut off. */
    private static final int MAX_BATCHES = 1000;
    /** Three-byte characters: with the message number in front, near the 1000-character limit, at 3 KB. */
    private static final String LARGE_TEXT = "€".repeat(990);

    @LocalServerPort
    int port;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aMemberThatStopsReadingIsCutOffAndTheOthersGetEveryMessage() throws Exception {
        try (SignalingTestClient ann = SignalingTestClient.connect(port);
             SignalingTestClient bob = SignalingTestClient.connect(port);
             RawWebSocket stalled = RawWebSocket.stomp(port, 4096)) {
            String roomId = ann.createRoom(uniqueName("Slow"), 3, null);
            ann.join(roomId, "Ann", null, false, false);
            // It joins and never reads a byte again.
            stalled.sendStomp("/app/room.join", json.writeValueAsString(Map.of("roomId", roomId,
                    "displayName", "Stan", "media", Map.of("audio", false, "video", false))));
            String stalledId = ann.nextOfType("participant-joined").at("/participant/participantId").asString();
            bob.join(roomId, "Bob", null, false, false);
            ann.nextOfType("participant-joined");

            int sent = 0;
            List<String> received = new ArrayList<>();
            JsonNode stalledLeft = null;
            for (int batch = 0; batch < MAX_BATCHES && stalledLeft == null; batch++) {
                for (int i = 0; i < BATCH; i++) {
                    bob.send("/app/chat.send", Map.of("roomId", roomId, "text", sent + " " + LARGE_TEXT));
                    sent++;
                }
                // Ann reads everything the batch caused before Bob sends more.
                while (received.size() < sent) {
                    JsonNode event = ann.nextEvent();
                    switch (event.path("type").asString()) {
                        case "chat" -> received.add(event.at("/message/text").asString());
                        case "participant-left" -> stalledLeft = event;
                        default -> throw new AssertionError("unexpected event " + event);
                    }
                }
            }
            if (stalledLeft == null) {
                stalledLeft = ann.nextOfType("participant-left");
            }

            assertThat(stalledLeft.path("participantId").asString()).isEqualTo(stalledId);
            assertThat(stalledLeft.path("reason").asString()).isEqualTo("disconnected");
            assertThat(received).hasSize(sent);
            for (int i = 0; i < sent; i++) {
                assertThat(received.get(i)).startsWith(i + " ");
            }
            assertThat(ann.stompErrors()).isEmpty();
            assertThat(bob.isConnected()).isTrue();
        }
    }
}
