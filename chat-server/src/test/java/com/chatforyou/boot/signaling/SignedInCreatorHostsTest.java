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

    /** Ann signs in and creates a room in one tab, which she then closes without joining. */
    private String roomCreatedBySignedInAnn(SignInForm ann, String name) throws Exception {
        assertThat(SignInForm.signedIn(ann.signIn("ann", "host-password"))).isTrue();
        try (RawWebSocket firstTab = RawWebSocket.stompFrom(port, "127.0.0.1", ann.cookieHeader())) {
            firstTab.startReading();
            firstTab.sendStomp("/app/room.create", json.writeValueAsString(Map.of("name", uniqueName(name))));
            return json.readTree(firstTab.nextOfType("room-created")).at("/room/roomId").asString();
        }
    }

    /** Joins on a raw connection and returns its {@code joined}. */
    private JsonNode joinOn(RawWebSocket tab, String roomId, String displayName) throws Exception {
        tab.startReading();
        tab.sendStomp("/app/room.join", json.writeValueAsString(Map.of("roomId", roomId,
                "displayName", displayName, "media", Map.of("audio", false, "video", false))));
        return json.readTree(tab.nextOfType("joined"));
    }

    @Test
    void aSignedInCreatorHostsTheRoomFromAnotherConnection() throws Exception {
        SignInForm ann = new SignInForm(port, "127.0.0.1");
        String roomId = roomCreatedBySignedInAnn(ann, "Board");

        try (SignalingTestClient bob = SignalingTestClient.connect(port);
             RawWebSocket annsSecondTab = RawWebSocket.stompFrom(port, "127.0.0.1", ann.cookieHeader());
             SignalingTestClient cid = SignalingTestClient.connect(port)) {
            JsonNode bobJoined = bob.join(roomId, "Bob", null, false, false);
            assertThat(bobJoined.at("/self/role").asString()).as("the first to sit down, with the creator away")
                    .isEqualTo("host");

            JsonNode annJoined = joinOn(annsSecondTab, roomId, "Ann");
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
        String roomId = roomCreatedBySignedInAnn(new SignInForm(port, "127.0.0.1"), "Standup");
        SignInForm signedOut = new SignInForm(port, "127.0.0.1");
        assertThat(SignInForm.signedIn(signedOut.signIn("ann", "not-her-password"))).isFalse();

        try (SignalingTestClient bob = SignalingTestClient.connect(port);
             RawWebSocket sameBrowserSignedOut = RawWebSocket.stompFrom(port, "127.0.0.1", signedOut.cookieHeader())) {
            bob.join(roomId, "Bob", null, false, false);
            assertThat(joinOn(sameBrowserSignedOut, roomId, "Ann").at("/self/role").asString())
                    .isEqualTo("participant");
        }
    }
}
