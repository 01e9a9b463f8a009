package com.chatforyou.domain.service;

import static com.chatforyou.domain.fixtures.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.domain.model.Capacity;
import com.chatforyou.domain.model.CapacityLimits;
import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.model.RoomName;
import com.chatforyou.domain.model.RoomSummary;
import com.chatforyou.domain.port.in.CreateRoomUseCase.CreateRoomCommand;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreatingRoomsTest {

    private final RoomServiceFixture chat = new RoomServiceFixture();

    @Test
    void a_new_room_is_empty_open_and_gets_the_backends_default_capacity() {
        RoomSummary created = chat.lobby.createRoom(new CreateRoomCommand("Standup", null, null)).toCompletableFuture().join();

        assertThat(created.name()).isEqualTo(new RoomName("Standup"));
        assertThat(created.participantCount()).isZero();
        assertThat(created.capacity()).isEqualTo(new Capacity(6));
        assertThat(created.passwordRequired()).isFalse();
        assertThat(created.locked()).isFalse();
        assertThat(created.waitingRoom()).isFalse();
        assertThat(chat.lobby.listRooms()).containsExactly(created);
    }

    @Test
    void the_room_name_is_trimmed() {
        RoomSummary created = chat.lobby.createRoom(new CreateRoomCommand("   Standup \t", null, null)).toCompletableFuture().join();

        assertThat(created.name().value()).isEqualTo("Standup");
    }

    @Test
    void a_creator_may_choose_any_capacity_the_backend_can_carry() {
        RoomSummary smallest = chat.lobby.createRoom(new CreateRoomCommand("Pair", 2, null)).toCompletableFuture().join();
        RoomSummary largest = chat.lobby.createRoom(new CreateRoomCommand("Team", 8, null)).toCompletableFuture().join();

        assertThat(smallest.capacity().value()).isEqualTo(2);
        assertThat(largest.capacity().value()).isEqualTo(8);
    }

    @Test
    void a_capacity_outside_two_to_the_backends_maximum_is_refused() {
        assertThat(refusalOf(() -> chat.lobby.createRoom(new CreateRoomCommand("Solo", 1, null)).toCompletableFuture().join()))
                .isEqualTo(ErrorCode.INVALID_CAPACITY);
        assertThat(refusalOf(() -> chat.lobby.createRoom(new CreateRoomCommand("Crowd", 9, null)).toCompletableFuture().join()))
                .isEqualTo(ErrorCode.INVALID_CAPACITY);
        assertThat(chat.lobby.listRooms()).isEmpty();
    }

    @Test
    void the_lobby_offers_the_backends_capacity_limits() {
        assertThat(chat.lobby.capacityLimits()).isEqualTo(new CapacityLimits(6, 8));
    }

    @Test
    void a_room_name_already_in_use_is_refused_whatever_its_case() {
        chat.aRoom("Standup");

        assertThat(refusalOf(() -> chat.aRoom("STANDUP"))).isEqualTo(ErrorCode.ROOM_NAME_TAKEN);
        assertThat(refusalOf(() -> chat.aRoom("  standup "))).isEqualTo(ErrorCode.ROOM_NAME_TAKEN);
        assertThat(chat.lobby.listRooms()).hasSize(1);
    }

    @Test
    void rooms_with_different_names_live_side_by_side() {
        RoomId standup = chat.aRoom("Standup");
        RoomId retro = chat.aRoom("Retro");

        assertThat(chat.lobby.listRooms()).extracting(RoomSummary::id).containsExactly(standup, retro);
    }

    @Test
    void the_server_refuses_a_room_beyond_its_maximum() {
        RoomServiceFixture small = new RoomServiceFixture(new RoomSettings(2, Duration.ofSeconds(60)));
        small.aRoom("One");
        small.aRoom("Two");

        assertThat(refusalOf(() -> small.aRoom("Three"))).isEqualTo(ErrorCode.TOO_MANY_ROOMS);
        assertThat(small.lobby.listRooms()).extracting(room -> room.name().value()).containsExactly("One", "Two");
    }

    @Test
    void an_invalid_room_name_is_refused() {
        assertThat(refusalOf(() -> chat.aRoom("  "))).isEqualTo(ErrorCode.INVALID_ROOM_NAME);
        assertThat(refusalOf(() -> chat.aRoom("Stand\u0000up"))).isEqualTo(ErrorCode.INVALID_ROOM_NAME);
        assertThat(refusalOf(() -> chat.aRoom("r".repeat(49)))).isEqualTo(ErrorCode.INVALID_ROOM_NAME);
    }

    @Test
    void a_room_without_a_password_asks_for_none() {
        assertThat(chat.lobby.createRoom(new CreateRoomCommand("Open", null, null)).toCompletableFuture().join().passwordRequired()).isFalse();
    }

    @Test
    void an_empty_password_means_no_password() {
        assertThat(chat.lobby.createRoom(new CreateRoomCommand("Open", null, "")).toCompletableFuture().join().passwordRequired()).isFalse();
    }

    @Test
    void a_room_with_a_password_asks_for_it_and_is_not_locked() {
        RoomSummary board = chat.lobby.createRoom(new CreateRoomCommand("Board", null, "s3cret")).toCompletableFuture().join();

        assertThat(board.passwordRequired()).isTrue();
        assertThat(board.locked()).isFalse();
    }

    @Test
    void an_over_long_password_is_refused() {
        assertThat(refusalOf(() -> chat.lobby.createRoom(new CreateRoomCommand("Board", null, "p".repeat(129))).toCompletableFuture().join()))
                .isEqualTo(ErrorCode.INVALID_PASSWORD);
        assertThat(chat.lobby.listRooms()).isEmpty();
    }

    @Test
    void the_lobby_hears_of_every_new_room() {
        RoomId standup = chat.aRoom("Standup");
        RoomId retro = chat.aRoom("Retro");

        assertThat(chat.notifier.roomListUpdates()).hasSize(2);
        assertThat(chat.notifier.lastRoomList().orElseThrow()).extracting(RoomSummary::id)
                .containsExactly(standup, retro);
    }

    @Test
    void a_refused_room_does_not_bother_the_lobby() {
        chat.aRoom("Standup");
        chat.notifier.forget();

        refusalOf(() -> chat.aRoom("standup"));

        assertThat(chat.notifier.roomListUpdates()).isEmpty();
    }

    @Test
    void creating_a_room_does_not_join_it() {
        chat.aRoom("Standup");

        assertThat(chat.notifier.deliveries()).isEmpty();
        assertThat(chat.media.plannings()).isEmpty();
    }

    @Test
    void the_lobby_lists_rooms_oldest_first() {
        RoomId zebra = chat.aRoom("Zebra");
        chat.clock.advance(Duration.ofSeconds(1));
        RoomId alpha = chat.aRoom("Alpha");

        List<RoomSummary> listed = chat.lobby.listRooms();

        assertThat(listed).extracting(RoomSummary::id).containsExactly(zebra, alpha);
    }

    @Test
    void the_room_service_listens_to_the_media_server_from_the_start() {
        assertThat(chat.media.attached()).isTrue();
    }
}
