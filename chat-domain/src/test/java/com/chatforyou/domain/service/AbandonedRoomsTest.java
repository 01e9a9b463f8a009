package com.chatforyou.domain.service;

import static com.chatforyou.domain.fixtures.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.model.RoomSummary;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A room nobody joins is removed once it has stayed empty longer than the timeout (60 s by default). */
class AbandonedRoomsTest {

    private final RoomServiceFixture chat = new RoomServiceFixture();

    @Test
    void an_unjoined_room_survives_up_to_the_timeout() {
        RoomId standup = chat.aRoom("Standup");
        chat.clock.advance(Duration.ofSeconds(60));

        chat.lobby.closeAbandonedRooms();

        assertThat(chat.listed(standup)).isPresent();
        assertThat(chat.media.roomsClosed()).isEmpty();
    }

    @Test
    void an_unjoined_room_is_removed_once_the_timeout_has_passed() {
        RoomId standup = chat.aRoom("Standup");
        chat.clock.advance(Duration.ofSeconds(60).plusMillis(1));

        chat.lobby.closeAbandonedRooms();

        assertThat(chat.lobby.listRooms()).isEmpty();
        assertThat(chat.media.roomsClosed()).containsExactly(standup);
    }

    @Test
    void the_lobby_hears_an_abandoned_room_is_gone() {
        chat.aRoom("Standup");
        RoomId retro = chat.aRoom("Retro");
        chat.clock.advance(Duration.ofSeconds(61));
        chat.join(retro, "Ann");
        chat.notifier.forget();

        chat.lobby.closeAbandonedRooms();

        assertThat(chat.notifier.roomListUpdates()).hasSize(1);
        assertThat(chat.notifier.lastRoomList().orElseThrow()).extracting(RoomSummary::id).containsExactly(retro);
    }

    @Test
    void an_occupied_room_is_never_abandoned() {
        RoomId standup = chat.aRoom("Standup");
        chat.join(standup, "Ann");
        chat.clock.advance(Duration.ofHours(3));

        chat.lobby.closeAbandonedRooms();

        assertThat(chat.headCount(standup)).isEqualTo(1);
        assertThat(chat.media.roomsClosed()).isEmpty();
    }

    @Test
    void only_rooms_past_their_own_timeout_are_removed() {
        RoomId early = chat.aRoom("Early");
        chat.clock.advance(Duration.ofSeconds(50));
        RoomId late = chat.aRoom("Late");
        chat.clock.advance(Duration.ofSeconds(11));

        chat.lobby.closeAbandonedRooms();

        assertThat(chat.lobby.listRooms()).extracting(RoomSummary::id).containsExactly(late);
        assertThat(chat.media.roomsClosed()).containsExactly(early);
    }

    @Test
    void a_sweep_that_removes_nothing_does_not_bother_the_lobby() {
        chat.aRoom("Standup");
        chat.notifier.forget();

        chat.lobby.closeAbandonedRooms();

        assertThat(chat.notifier.roomListUpdates()).isEmpty();
    }

    @Test
    void the_timeout_is_a_server_setting() {
        RoomServiceFixture patient = new RoomServiceFixture(new RoomSettings(100, Duration.ofMinutes(10)));
        RoomId standup = patient.aRoom("Standup");
        patient.clock.advance(Duration.ofMinutes(9));

        patient.lobby.closeAbandonedRooms();

        assertThat(patient.listed(standup)).isPresent();
    }

    @Test
    void an_abandoned_room_can_no_longer_be_joined() {
        RoomId standup = chat.aRoom("Standup");
        chat.clock.advance(Duration.ofMinutes(2));
        chat.lobby.closeAbandonedRooms();

        assertThat(refusalOf(() -> chat.join(standup, "Ann"))).isEqualTo(ErrorCode.ROOM_NOT_FOUND);
    }
}
