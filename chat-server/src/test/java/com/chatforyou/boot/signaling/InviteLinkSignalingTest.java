package com.chatforyou.boot.signaling;

import static com.chatforyou.boot.signaling.SignalingTestClient.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Invite links over STOMP: every room has a slug, room.find resolves it for the caller, an
 * unguessable link keeps its room out of the lobby, and a page that goes away (room.suspend) keeps
 * its seat for the reload grace, then has left.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"chatforyou.rooms.reload-grace=8s", "chatforyou.rooms.reconnect-sweep-interval=200ms"})
class InviteLinkSignalingTest {

    @LocalServerPort
    int port;

    private final List<SignalingTestClient> clients = new ArrayList<>();

    @AfterEach
    void part() {
        clients.forEach(SignalingTestClient::close);
    }

    private SignalingTestClient connect() throws Exception {
        SignalingTestClient client = SignalingTestClient.connect(port);
        clients.add(client);
        return client;
    }

    private static JsonNode create(SignalingTestClient client, String name, boolean privateLink) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("privateLink", privateLink);
        client.send("/app/room.create", body);
        return client.nextOfType("room-created").path("room");
    }

    @Test
    void a_room_has_a_slug_from_its_name_and_anyone_finds_it_by_that_slug() throws Exception {
        SignalingTestClient ann = connect();
        String name = uniqueName("Team Sync");
        JsonNode room = create(ann, name, false);
        String slug = room.path("slug").asString();
        assertThat(slug).startsWith("team-sync").matches("[a-z0-9]+(-[a-z0-9]+)*");
        assertThat(room.path("privateLink").asBoolean()).isFalse();

        SignalingTestClient bob = connect();
        bob.send("/app/room.find", Map.of("slug", slug));
        JsonNode found = bob.nextOfType("room-found");
        assertThat(found.at("/room/roomId").asString()).isEqualTo(room.path("roomId").asString());
        assertThat(found.at("/room/name").asString()).isEqualTo(name);
    }

    @Test
    void an_unknown_slug_is_refused_to_the_caller_only_with_room_not_found() throws Exception {
        SignalingTestClient eve = connect();
        eve.send("/app/room.find", Map.of("slug", "no-such-room"));
        JsonNode error = eve.nextOfType("error");
        assertThat(error.path("code").asString()).isEqualTo("room-not-found");
        assertThat(error.path("destination").asString()).isEqualTo("/app/room.find");

        eve.send("/app/room.find", Map.of());
        assertThat(eve.nextOfType("error").path("code").asString()).isEqualTo("malformed-message");
    }

    @Test
    void an_unguessable_link_is_found_by_its_link_but_never_listed() throws Exception {
        SignalingTestClient ann = connect();
        String name = uniqueName("Board");
        JsonNode room = create(ann, name, true);
        String slug = room.path("slug").asString();
        assertThat(slug).matches("[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}").doesNotContain("board");

        SignalingTestClient bob = connect();
        bob.send("/app/lobby.rooms", Map.of());
        JsonNode rooms = bob.nextOfType("rooms");
        assertThat(SignalingTestClient.showsRoom(rooms, name)).isFalse();
        assertThat(rooms.path("listed").asBoolean()).isTrue();
        bob.send("/app/room.find", Map.of("slug", slug));
        assertThat(bob.nextOfType("room-found").at("/room/name").asString()).isEqualTo(name);
    }

    @Test
    void a_page_that_goes_away_keeps_its_seat_for_a_reload_and_has_left_after_the_reload_grace() throws Exception {
        SignalingTestClient ann = connect();
        SignalingTestClient bob = connect();
        String roomId = ann.createRoom(uniqueName("Reload"), 4, null);
        ann.join(roomId, "Ann", null, false, false);
        JsonNode bobJoined = bob.join(roomId, "Bob", null, false, false);
        ann.nextOfType("participant-joined");

        // Bob reloads: his page says it goes, the socket closes, the new page resumes.
        bob.send("/app/room.suspend", Map.of());
        bob.close();
        SignalingTestClient reloaded = connect();
        reloaded.send("/app/room.resume", Map.of("roomId", roomId,
                "participantId", bobJoined.at("/self/participantId").asString(),
                "resumeToken", bobJoined.path("resumeToken").asString()));
        JsonNode resumed = reloaded.nextOfType("joined");
        assertThat(resumed.path("resumed").asBoolean()).isTrue();
        // A resume announces no leave or join to the others; Ann's next event would be the leave below.

        // Now he closes the tab for good: the others see him leave, as "left", once the reload grace is over.
        reloaded.send("/app/room.suspend", Map.of());
        reloaded.close();
        JsonNode left = ann.nextOfType("participant-left");
        assertThat(left.path("participantId").asString()).isEqualTo(bobJoined.at("/self/participantId").asString());
        assertThat(left.path("reason").asString()).isEqualTo("left");
    }
}
