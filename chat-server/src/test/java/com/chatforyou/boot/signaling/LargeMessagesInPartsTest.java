package com.chatforyou.boot.signaling;

import static com.chatforyou.boot.signaling.SignalingTestClient.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.domain.model.ChatText;
import com.chatforyou.domain.model.SessionDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The server's WebSocket buffer per connection is small (2 KiB by default); anything a client may legitimately
 * send still arrives whole, in parts: an SDP offer at the domain's length limit, a chat message at its limit
 * in characters that take four bytes each in UTF-8 (so parts end inside multi-byte characters), and a body
 * just over the 64 KiB body limit, which still gets the typed refusal rather than a closed connection.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LargeMessagesInPartsTest {

    @LocalServerPort
    int port;

    private final List<SignalingTestClient> clients = new ArrayList<>();
    private SignalingTestClient ann;
    private SignalingTestClient bob;
    private String roomId;
    private String annToBob;

    @BeforeEach
    void annAndBobShareARoom() throws Exception {
        ann = connect();
        roomId = ann.createRoom(uniqueName("Parts"), 2, null);
        ann.join(roomId, "Ann", null, true, true);
        bob = connect();
        bob.join(roomId, "Bob", null, true, true);
        for (JsonNode link : List.of(ann.nextOfType("link-open"), ann.nextOfType("link-open"))) {
            if (link.path("direction").asString().equals("send")) {
                annToBob = link.path("linkId").asString();
            }
        }
        bob.nextOfType("link-open");
        bob.nextOfType("link-open");
    }

    @AfterEach
    void disconnect() {
        clients.forEach(SignalingTestClient::close);
    }

    @Test
    void anSdpOfferAtTheLengthLimitArrivesWhole() {
        String sdp = simulcastLikeSdp(SessionDescription.MAX_SDP_LENGTH);

        ann.sendDescription(annToBob, "offer", sdp);

        JsonNode relayed = bob.nextOfType("sdp");
        assertThat(relayed.at("/description/sdp").asString()).isEqualTo(sdp);
        assertThat(ann.isConnected()).isTrue();
    }

    @Test
    void aChatMessageAtTheLimitInFourByteCharactersArrivesWhole() {
        // Supplementary characters are two chars each; the limit counts chars, so this is 4,000 bytes.
        String text = "\uD83D\uDE00".repeat(ChatText.MAX_LENGTH / 2);

        ann.send("/app/chat.send", Map.of("roomId", roomId, "text", text));

        assertThat(bob.nextOfType("chat").at("/message/text").asString()).isEqualTo(text);
        assertThat(ann.nextOfType("chat").at("/message/text").asString()).isEqualTo(text);
    }

    @Test
    void aBodyJustOverTheBodyLimitIsRefusedAndTheConnectionStaysOpen() {
        ann.send("/app/chat.send", Map.of("roomId", roomId, "text", "\u00e9".repeat(33 * 1024)));

        assertThat(ann.nextOfType("error").path("code").asString()).isEqualTo("frame-too-large");
        ann.send("/app/chat.send", Map.of("roomId", roomId, "text", "still here"));
        assertThat(bob.nextOfType("chat").at("/message/text").asString()).isEqualTo("still here");
    }

    /** Lines as a browser's offer has them, up to the given length. */
    private static String simulcastLikeSdp(int length) {
        StringBuilder sdp = new StringBuilder("v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n");
        int line = 0;
        while (true) {
            String next = "a=rid:" + (line % 3) + " send pt=96;max-width=1280;max-height=720;line=" + line++ + "\r\n";
            if (sdp.length() + next.length() > length) {
                break;
            }
            sdp.append(next);
        }
        return sdp.toString();
    }

    private SignalingTestClient connect() throws Exception {
        SignalingTestClient client = SignalingTestClient.connect(port);
        clients.add(client);
        return client;
    }
}
