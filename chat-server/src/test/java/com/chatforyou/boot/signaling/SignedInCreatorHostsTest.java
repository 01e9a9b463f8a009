package com.chatforyou.boot.signaling;

import static com.chatforyou.boot.signaling.SignalingTestClient.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.boot.ChatForYouApplication;
import com.chatforyou.boot.security.SignInForm;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16's "when host sign-in is on, signed-in creators are hosts", through the real sign-in: Ann
 * signs in on the server's login form, creates a room from one connection and joins it from another
 * (a second tab, a reload), which only her signed-in session ties to the room. She comes in as the host
 * although a guest sat down first; the guest becomes a co-host. A guest who never signed in, on a third
 * connection, is an ordinary participant.
 */
@SpringBootTest(classes = ChatForYouApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "chatforyou.security.room-creation=signed-in",
                "chatforyou.security.users[0].username=ann",
                // bcrypt of "host-password", as an operator would configure it
                "chatforyou.security.users[0].password-hash={bcrypt}$2a$10$EYqBA/NMDmB8OL5pubCbuO1etCL5l8nTlWu0AnLyReTNOyyz3u1YS"})
class SignedInCreatorHostsTest {
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    @Test
    void aSignedInCreatorHostsTheRoomFromAnotherConnection() throws Exception {
        SignInForm ann = new SignInForm(port, "127.0.0.1");
        assertThat(SignInForm.signedIn(ann.signIn("ann", "host-password"))).isTrue();

        String roomId;
        try (RawWebSocket annsFirstTab = RawWebSocket.stompFrom(port, "127.0.0.1", ann.cookieHeader())) {
            annsFirstTab.startReading();
            annsFirstTab.sendStomp("/app/room.create", json.writeValueAsString(Map.of("name", uniqueName("Board"))));
            roomId = json.readTree(annsFirstTab.nextOfType("room-created")).at("/room/roomId").asString();
        }

        try (SignalingTestClient bob = SignalingTestClient.connect(port);
             RawWebSocket annsSecondTab = RawWebSocket.stompFrom(port, "127.0.0.1", ann.cookieHeader());
             SignalingTestClient cid = SignalingTestClient.connect(port)) {
            JsonNode bobJoined = bob.join(roomId, "Bob", null, false, false);
            assertThat(bobJoined.at("/self/role").asString()).as("the first to sit down, with the creator away")
                    .isEqualTo("host");

            annsSecondTab.startReading();
            annsSecondTab.sendStomp("/app/room.join", json.writeValueAsString(Map.of("roomId", roomId,
                    "displayName", "Ann", "media", Map.of("audio", false, "video", false))));
            JsonNode annJoined = json.readTree(annsSecondTab.nextOfType("joined"));
            assertThat(annJoined.at("/self/role").asString()).as("the signed-in creator").isEqualTo("host");
            String annId = annJoined.at("/self/participantId").asString();
            JsonNode bobsRole = bob.nextOfType("role-changed");
            assertThat(bobsRole.path("participantId").asString()).isEqualTo(bobJoined.at("/self/participantId").asString());
            assertThat(bobsRole.path("role").asString()).isEqualTo("co-host");
            assertThat(bobsRole.path("byId").asString()).isEqualTo(annId);

            JsonNode cidJoined = cid.join(roomId, "Cid", null, false, false);
            assertThat(cidJoined.at("/self/role").asString()).as("a guest who never signed in")
                    .isEqualTo("participant");
        }
    }

    @Test
    void aGuestOnTheSameAddressIsNotTakenForTheSignedInCreator() throws Exception {
        SignInForm ann = new SignInForm(port, "127.0.0.1");
        assertThat(SignInForm.signedIn(ann.signIn("ann", "host-password"))).isTrue();
        String roomId;
        try (RawWebSocket annsTab = RawWebSocket.stompFrom(port, "127.0.0.1", ann.cookieHeader())) {
            annsTab.startReading();
            annsTab.sendStomp("/app/room.create", json.writeValueAsString(Map.of("name", uniqueName("Standup"))));
            roomId = json.readTree(annsTab.nextOfType("room-created")).at("/room/roomId").asString();
        }
        SignInForm signedOut = new SignInForm(port, "127.0.0.1");
        assertThat(SignInForm.signedIn(signedOut.signIn("ann", "not-her-password"))).isFalse();

        try (SignalingTestClient bob = SignalingTestClient.connect(port);
             RawWebSocket sameBrowserSignedOut = RawWebSocket.stompFrom(port, "127.0.0.1", signedOut.cookieHeader())) {
            bob.join(roomId, "Bob", null, false, false);
            sameBrowserSignedOut.startReading();
            sameBrowserSignedOut.sendStomp("/app/room.join", json.writeValueAsString(Map.of("roomId", roomId,
                    "displayName", "Ann", "media", Map.of("audio", false, "video", false))));
            JsonNode joined = json.readTree(sameBrowserSignedOut.nextOfType("joined"));
            assertThat(joined.at("/self/role").asString()).isEqualTo("participant");
        }
    }
}
