package com.chatforyou.boot.signaling;

import static com.chatforyou.boot.signaling.SignalingTestClient.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code chatforyou.lobby.list-rooms=false}: nobody gets a room list; rooms are reached by link. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chatforyou.lobby.list-rooms=false")
class HiddenRoomListTest {

    @LocalServerPort
    int port;

    @Test
    void the_lobby_lists_no_room_on_request_or_on_its_topic_and_links_still_work() throws Exception {
        try (SignalingTestClient ann = SignalingTestClient.connect(port);
             SignalingTestClient eve = SignalingTestClient.connect(port)) {
            eve.watchLobby();
            String name = uniqueName("Hidden");
            ann.send("/app/room.create", Map.of("name", name));
            JsonNode room = ann.nextOfType("room-created").path("room");
            String roomId = room.path("roomId").asString();
            ann.join(roomId, "Ann", null, false, false);

            eve.send("/app/lobby.rooms", Map.of());
            JsonNode rooms = eve.nextOfType("rooms");
            assertThat(rooms.path("listed").asBoolean()).isFalse();
            assertThat(rooms.path("rooms")).isEmpty();
            assertThat(rooms.path("maxCapacity").asInt()).isPositive();

            eve.send("/app/room.find", Map.of("slug", room.path("slug").asString()));
            assertThat(eve.nextOfType("room-found").at("/room/roomId").asString()).isEqualTo(roomId);
            // The create and the join above would each have published the list; the topic carried none.
            assertThat(eve.lobbyListsReceived()).isZero();
        }
    }
}
