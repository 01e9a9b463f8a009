package com.chatforyou.domain.service;

import static com.chatforyou.domain.fixtures.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.port.in.CreateRoomUseCase.CreateRoomCommand;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Room creation behind the creation policy port: the domain learns only "may create rooms". */
class WhoMayCreateRoomsTest {
    private static final ConnectionId HOST = new ConnectionId("host");
    private static final ConnectionId GUEST = new ConnectionId("guest");

    private final RoomServiceFixture chat = new RoomServiceFixture(
            Safeguards.DEFAULTS.withCreationPolicy(Set.of(HOST)::contains));

    @Test
    void a_connection_the_policy_allows_creates_a_room() {
        var room = chat.lobby.createRoom(new CreateRoomCommand("Standup", null, null, HOST))
                .toCompletableFuture().join();

        assertThat(chat.listed(room.id())).isPresent();
    }

    @Test
    void a_connection_the_policy_refuses_is_told_to_sign_in() {
        assertThat(refusalOf(() -> chat.lobby.createRoom(
                new CreateRoomCommand("Standup", null, null, GUEST))))
                .isEqualTo(ErrorCode.SIGN_IN_REQUIRED);
        assertThat(chat.lobby.listRooms()).isEmpty();
    }

    @Test
    void guests_still_join_rooms_a_host_created() {
        RoomId room = chat.lobby.createRoom(new CreateRoomCommand("Standup", null, null, HOST))
                .toCompletableFuture().join().id();

        chat.join(room, "Guest");

        assertThat(chat.headCount(room)).isEqualTo(1);
    }
}
