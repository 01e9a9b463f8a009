package com.chatforyou.domain.service;

import static com.chatforyou.domain.fixtures.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.domain.fixtures.FakeMediaPort;
import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.RoomEvent;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.port.in.ResumeSeatUseCase.ResumeSeatCommand;
import com.chatforyou.domain.service.RoomServiceFixture.Seated;
import org.junit.jupiter.api.Test;

/** At shutdown every participant hears the server is restarting, and every room and its media is released. */
class ClosingAllRoomsForRestartTest {

    private final RoomServiceFixture chat = new RoomServiceFixture();

    @Test
    void every_participant_in_every_room_is_told_the_server_is_restarting() {
        RoomId standup = chat.aRoom("Standup");
        RoomId retro = chat.aRoom("Retro");
        Seated ann = chat.join(standup, "Ann");
        Seated bob = chat.join(standup, "Bob");
        Seated cid = chat.join(retro, "Cid");

        int told = chat.restart.closeAllRoomsForRestart();

        assertThat(told).isEqualTo(3);
        assertThat(chat.eventsTo(ann, RoomEvent.ServerRestarting.class)).containsExactly(new RoomEvent.ServerRestarting(standup));
        assertThat(chat.eventsTo(bob, RoomEvent.ServerRestarting.class)).containsExactly(new RoomEvent.ServerRestarting(standup));
        assertThat(chat.eventsTo(cid, RoomEvent.ServerRestarting.class)).containsExactly(new RoomEvent.ServerRestarting(retro));
    }

    @Test
    void nobody_is_told_of_a_leave_only_of_the_restart() {
        RoomId standup = chat.aRoom("Standup");
        Seated ann = chat.join(standup, "Ann");
        chat.join(standup, "Bob");
        chat.notifier.forget();

        chat.restart.closeAllRoomsForRestart();

        assertThat(chat.eventsTo(ann)).containsExactly(new RoomEvent.ServerRestarting(standup));
    }

    @Test
    void every_room_and_every_link_is_released_at_the_media_backend() {
        RoomId standup = chat.aRoom("Standup");
        RoomId empty = chat.aRoom("Empty");
        chat.join(standup, "Ann");
        chat.join(standup, "Bob");

        chat.restart.closeAllRoomsForRestart();

        assertThat(chat.lobby.listRooms()).isEmpty();
        assertThat(chat.media.roomsClosed()).containsExactlyInAnyOrder(standup, empty);
        assertThat(chat.media.closed()).containsExactlyInAnyOrderElementsOf(chat.media.opened());
        assertThat(chat.notifier.lastRoomList().orElseThrow()).isEmpty();
    }

    @Test
    void media_server_links_are_released_too() {
        RoomServiceFixture sfu = new RoomServiceFixture(FakeMediaPort.viaMediaServer());
        RoomId standup = sfu.aRoom("Standup");
        sfu.join(standup, "Ann");
        sfu.join(standup, "Bob");

        sfu.restart.closeAllRoomsForRestart();

        assertThat(sfu.media.opened()).isNotEmpty();
        assertThat(sfu.media.closed()).containsExactlyInAnyOrderElementsOf(sfu.media.opened());
        assertThat(sfu.media.roomsClosed()).containsExactly(standup);
    }

    @Test
    void a_participant_in_the_reconnect_grace_period_loses_the_seat_too() {
        RoomId standup = chat.aRoom("Standup");
        Seated ann = chat.join(standup, "Ann");
        String token = chat.theOnlyJoinedTo(ann).resumeToken();
        chat.membership.connectionLost(ann.connection());

        chat.restart.closeAllRoomsForRestart();

        ConnectionId annAgain = new ConnectionId("conn-ann-again");
        assertThat(refusalOf(() -> chat.membership.resumeSeat(new ResumeSeatCommand(annAgain, standup, ann.id(), token))))
                .isIn(ErrorCode.SERVER_RESTARTING, ErrorCode.RESUME_FAILED);
        assertThat(chat.media.roomsClosed()).containsExactly(standup);
    }

    @Test
    void no_room_can_be_created_or_joined_once_the_server_is_restarting() {
        RoomId standup = chat.aRoom("Standup");
        chat.restart.closeAllRoomsForRestart();

        assertThat(refusalOf(() -> chat.aRoom("Late"))).isEqualTo(ErrorCode.SERVER_RESTARTING);
        assertThat(refusalOf(() -> chat.join(standup, "Ann"))).isEqualTo(ErrorCode.ROOM_NOT_FOUND);
        assertThat(chat.lobby.listRooms()).isEmpty();
    }

    @Test
    void a_connection_that_closes_afterwards_changes_nothing() {
        RoomId standup = chat.aRoom("Standup");
        Seated ann = chat.join(standup, "Ann");
        chat.restart.closeAllRoomsForRestart();
        chat.notifier.forget();

        chat.membership.connectionLost(ann.connection());

        assertThat(chat.notifier.deliveries()).isEmpty();
        assertThat(chat.notifier.roomListUpdates()).isEmpty();
    }

    @Test
    void closing_with_no_rooms_tells_nobody() {
        assertThat(chat.restart.closeAllRoomsForRestart()).isZero();
    }
}
