package com.chatforyou.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.LeaveReason;
import com.chatforyou.domain.model.RoomEvent;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.port.in.ResumeSeatUseCase.ResumeSeatCommand;
import com.chatforyou.domain.service.RoomServiceFixture.Seated;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A page that goes away (closed or reloading) keeps its seat for the reload grace, then has left. */
class ReloadingAPageTest {

    private static final Duration RELOAD = RoomSettings.DEFAULTS.reloadGrace();
    private static final ConnectionId BOBS_RELOADED_PAGE = new ConnectionId("conn-bob-reloaded");

    private final RoomServiceFixture chat = new RoomServiceFixture();
    private final RoomId standup = chat.aRoom("Standup");
    private final Seated ann = chat.join(standup, "Ann");
    private final Seated bob = chat.join(standup, "Bob");
    private final String bobsToken = chat.theOnlyJoinedTo(bob).resumeToken();

    @Test
    void a_reload_within_the_grace_takes_the_seat_back_and_nobody_sees_a_leave() {
        chat.notifier.forget();

        chat.membership.suspendSeat(bob.connection());
        chat.membership.connectionLost(bob.connection());
        chat.clock.advance(RELOAD.minusSeconds(1));
        chat.membership.releaseExpiredSeats();
        chat.membership.resumeSeat(new ResumeSeatCommand(BOBS_RELOADED_PAGE, standup, bob.id(), bobsToken));

        assertThat(chat.eventsTo(ann, RoomEvent.ParticipantLeft.class)).isEmpty();
        assertThat(chat.notifier.eventsTo(BOBS_RELOADED_PAGE, RoomEvent.Joined.class)).singleElement()
                .satisfies(joined -> assertThat(joined.resumed()).isTrue());
        assertThat(chat.headCount(standup)).isEqualTo(2);
    }

    @Test
    void a_closed_page_has_left_once_the_reload_grace_is_over_even_though_the_socket_closed_after() {
        chat.membership.suspendSeat(bob.connection());
        // The socket closing after the page said it goes must not stretch the wait to the reconnect grace.
        chat.membership.connectionLost(bob.connection());
        chat.clock.advance(RELOAD);
        chat.membership.releaseExpiredSeats();

        assertThat(chat.eventsTo(ann, RoomEvent.ParticipantLeft.class))
                .containsExactly(new RoomEvent.ParticipantLeft(standup, bob.id(), LeaveReason.LEFT));
        assertThat(chat.headCount(standup)).isEqualTo(1);
    }

    @Test
    void the_reload_grace_is_never_longer_than_the_reconnect_grace_and_zero_leaves_at_once() {
        assertThat(new RoomSettings(10, Duration.ofSeconds(60), Duration.ofSeconds(5), 100, Duration.ofSeconds(30))
                .reloadGrace()).isEqualTo(Duration.ofSeconds(5));
        RoomServiceFixture noReload = new RoomServiceFixture(
                new RoomSettings(10, Duration.ofSeconds(60), Duration.ofSeconds(20), 100, Duration.ZERO));
        RoomId room = noReload.aRoom("Now");
        Seated cid = noReload.join(room, "Cid");
        Seated dan = noReload.join(room, "Dan");

        noReload.membership.suspendSeat(dan.connection());

        assertThat(noReload.eventsTo(cid, RoomEvent.ParticipantLeft.class))
                .containsExactly(new RoomEvent.ParticipantLeft(room, dan.id(), LeaveReason.LEFT));
    }

    @Test
    void suspending_without_a_seat_does_nothing() {
        chat.notifier.forget();
        chat.membership.suspendSeat(new ConnectionId("nobody"));
        assertThat(chat.notifier.deliveries()).isEmpty();
    }
}
