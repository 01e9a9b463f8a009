package com.chatforyou.domain.service;

import static com.chatforyou.domain.fixtures.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.RoomId;
import org.junit.jupiter.api.Test;

/** The server takes at most so many participants in all its rooms together. */
class ServerCapsTest {

    private final RoomServiceFixture chat = new RoomServiceFixture(RoomSettings.DEFAULTS.withMaxParticipants(3));

    @Test
    void a_join_beyond_the_servers_participant_limit_is_refused_whichever_room_it_is_for() {
        RoomId standup = chat.aRoom("Standup");
        RoomId retro = chat.aRoom("Retro");
        chat.join(standup, "Ann");
        chat.join(standup, "Bob");
        chat.join(retro, "Cleo");

        assertThat(refusalOf(() -> chat.join(retro, "Dan"))).isEqualTo(ErrorCode.SERVER_FULL);
        assertThat(chat.headCount(retro)).isEqualTo(1);
        assertThat(chat.statistics.roomStatistics().seatedParticipants()).isEqualTo(3);
    }

    @Test
    void a_seat_that_was_left_can_be_taken_again() {
        RoomId standup = chat.aRoom("Standup");
        chat.join(standup, "Ann");
        chat.join(standup, "Bob");
        var cleo = chat.join(standup, "Cleo");
        chat.membership.leaveRoom(cleo.connection());

        chat.join(standup, "Dan");

        assertThat(chat.headCount(standup)).isEqualTo(3);
    }

    @Test
    void a_seat_kept_for_a_reconnect_still_counts_until_it_is_released() {
        RoomId standup = chat.aRoom("Standup");
        chat.join(standup, "Ann");
        chat.join(standup, "Bob");
        var cleo = chat.join(standup, "Cleo");
        chat.membership.connectionLost(cleo.connection());

        assertThat(refusalOf(() -> chat.join(standup, "Dan"))).isEqualTo(ErrorCode.SERVER_FULL);

        chat.clock.advance(RoomSettings.DEFAULTS.reconnectGrace());
        chat.membership.releaseExpiredSeats();
        chat.join(standup, "Dan");
        assertThat(chat.headCount(standup)).isEqualTo(3);
    }

    @Test
    void a_limit_below_one_is_not_a_setting() {
        assertThat(refusalOrNull(() -> RoomSettings.DEFAULTS.withMaxParticipants(0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Throwable refusalOrNull(Runnable action) {
        try {
            action.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
