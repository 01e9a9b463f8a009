package com.chatforyou.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.port.in.RoomStatisticsQuery.RoomStatistics;
import org.junit.jupiter.api.Test;

/** The counts operators watch: rooms, seats, links and seats waiting for a reconnect. */
class RoomStatisticsTest {

    private final RoomServiceFixture chat = new RoomServiceFixture();

    @Test
    void an_idle_server_holds_nothing() {
        assertThat(chat.statistics.roomStatistics()).isEqualTo(new RoomStatistics(0, 0, 0, 0));
    }

    @Test
    void rooms_seats_and_mesh_links_are_counted() {
        RoomId standup = chat.aRoom("Standup");
        chat.aRoom("Empty");
        chat.join(standup, "Ann");
        chat.join(standup, "Bob");
        chat.join(standup, "Cleo");

        // A mesh of three: one link per publisher and viewer.
        assertThat(chat.statistics.roomStatistics()).isEqualTo(new RoomStatistics(2, 3, 6, 0));
    }

    @Test
    void a_lost_connection_waits_for_a_reconnect_then_everything_is_released() {
        RoomId standup = chat.aRoom("Standup");
        chat.join(standup, "Ann");
        var bob = chat.join(standup, "Bob");
        chat.membership.connectionLost(bob.connection());

        assertThat(chat.statistics.roomStatistics()).isEqualTo(new RoomStatistics(1, 2, 2, 1));

        chat.clock.advance(RoomSettings.DEFAULTS.reconnectGrace());
        chat.membership.releaseExpiredSeats();
        assertThat(chat.statistics.roomStatistics()).isEqualTo(new RoomStatistics(1, 1, 0, 0));

        chat.membership.leaveRoom(RoomServiceFixture.connectionOf("Ann"));
        assertThat(chat.statistics.roomStatistics()).isEqualTo(new RoomStatistics(0, 0, 0, 0));
    }
}
