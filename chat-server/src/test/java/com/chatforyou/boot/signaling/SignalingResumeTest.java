package com.chatforyou.boot.signaling;

import static com.chatforyou.boot.signaling.SignalingTestClient.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

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
 * A dropped connection keeps its seat for the reconnect grace period: a new connection resumes it
 * without the others seeing a leave, and a seat nobody resumes is released as a disconnect.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"chatforyou.rooms.reconnect-grace=5s", "chatforyou.rooms.reconnect-sweep-interval=200ms"})
class SignalingResumeTest {

    @LocalServerPort
    int port;

    private final List<SignalingTestClient> clients = new ArrayList<>();
    private SignalingTestClient ann;
    private SignalingTestClient bob;
    private String roomId;
    private JsonNode bobJoined;

    @BeforeEach
    void meet() throws Exception {
        ann = connect();
        bob = connect();
        roomId = ann.createRoom(uniqueName("Standup"), 4, null);
        ann.join(roomId, "Ann", null, true, true);
        bobJoined = bob.join(roomId, "Bob", null, true, true);
        ann.nextOfType("participant-joined");
    }

    @AfterEach
    void part() {
        clients.forEach(SignalingTestClient::close);
    }

    private SignalingTestClient connect() throws Exception {
        SignalingTestClient client = SignalingTestClient.connect(port);
        clients.add(client);
        return client;
    }

    private Map<String, Object> resumeOf(JsonNode joined, String token) {
        return Map.of("roomId", roomId, "participantId", joined.at("/self/participantId").asString(),
                "resumeToken", token);
    }

    @Test
    void the_join_carries_a_resume_token_the_others_never_see() {
        String token = bobJoined.path("resumeToken").asString();
        assertThat(token).isNotBlank();
        assertThat(bobJoined.path("resumed").asBoolean()).isFalse();

        ann.send("/app/chat.send", Map.of("roomId", roomId, "text", "hi"));
        for (JsonNode event : ann.eventsBefore("chat")) {
            assertThat(event.toString()).doesNotContain(token);
        }
    }

    @Test
    void a_new_connection_resumes_the_seat_and_the_others_see_no_leave() throws Exception {
        bob.disconnect();
        SignalingTestClient bobAgain = connect();

        bobAgain.send("/app/room.resume", resumeOf(bobJoined, bobJoined.path("resumeToken").asString()));

        JsonNode resumed = bobAgain.next("joined");
        assertThat(resumed.path("resumed").asBoolean()).isTrue();
        assertThat(resumed.at("/self/participantId")).isEqualTo(bobJoined.at("/self/participantId"));
        assertThat(resumed.path("participants")).hasSize(1);
        assertThat(resumed.path("iceServers").isArray()).isTrue();
        assertThat(bobAgain.nextOfType("link-open").path("linkId").asString()).isNotBlank();

        bobAgain.send("/app/chat.send", Map.of("roomId", roomId, "text", "back"));
        List<JsonNode> annSaw = ann.eventsBefore("chat");
        assertThat(annSaw).extracting(event -> event.path("type").asString())
                .doesNotContain("participant-left", "participant-joined")
                .contains("link-close", "link-open");
    }

    @Test
    void a_seat_nobody_resumes_is_released_as_a_disconnect() {
        bob.disconnect();

        JsonNode left = ann.nextOfType("participant-left");

        assertThat(left.path("participantId")).isEqualTo(bobJoined.at("/self/participantId"));
        assertThat(left.path("reason").asString()).isEqualTo("disconnected");
    }

    @Test
    void leave_pressed_while_reconnecting_releases_the_seat_at_once_as_a_leave() throws Exception {
        bob.disconnect();
        SignalingTestClient bobAgain = connect();

        bobAgain.send("/app/room.release", resumeOf(bobJoined, bobJoined.path("resumeToken").asString()));

        JsonNode left = ann.nextOfType("participant-left");
        assertThat(left.path("participantId")).isEqualTo(bobJoined.at("/self/participantId"));
        assertThat(left.path("reason").asString()).isEqualTo("left");
    }

    @Test
    void a_wrong_token_is_refused_with_resume_failed() throws Exception {
        bob.disconnect();
        SignalingTestClient stranger = connect();

        stranger.send("/app/room.resume", resumeOf(bobJoined, "not-the-token"));

        JsonNode error = stranger.next("error");
        assertThat(error.path("code").asString()).isEqualTo("resume-failed");
        assertThat(error.path("destination").asString()).isEqualTo("/app/room.resume");
    }
}
