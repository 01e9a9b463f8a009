package com.chatforyou.domain.service;

import static com.chatforyou.domain.fixtures.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.LeaveReason;
import com.chatforyou.domain.model.LinkEnd;
import com.chatforyou.domain.model.MediaLink;
import com.chatforyou.domain.model.MediaState;
import com.chatforyou.domain.model.Participant;
import com.chatforyou.domain.model.RoomEvent;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.port.in.ResumeSeatUseCase.ResumeSeatCommand;
import com.chatforyou.domain.service.RoomServiceFixture.Seated;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A lost connection keeps its seat for the reconnect grace period, and a new connection may take it back. */
class ResumingSeatsTest {

    private static final Duration GRACE = RoomSettings.DEFAULTS.reconnectGrace();
    private static final ConnectionId BOBS_NEW_CONNECTION = new ConnectionId("conn-bob-2");

    private final RoomServiceFixture chat = new RoomServiceFixture();
    private final RoomId standup = chat.aRoom("Standup");
    private final Seated ann = chat.join(standup, "Ann");
    private final Seated bob = chat.join(standup, "Bob");
    private final String bobsToken = chat.theOnlyJoinedTo(bob).resumeToken();

    private void resume(Seated who, ConnectionId on, String token) {
        chat.membership.resumeSeat(new ResumeSeatCommand(on, who.room(), who.id(), token));
    }

    private List<RoomEvent> eventsToBobsNewConnection() {
        return chat.notifier.eventsTo(BOBS_NEW_CONNECTION);
    }

    @Test
    void every_join_carries_its_own_resume_token() {
        RoomEvent.Joined annsJoin = chat.theOnlyJoinedTo(ann);

        assertThat(bobsToken).isNotBlank().isNotEqualTo(annsJoin.resumeToken());
        assertThat(annsJoin.resumed()).isFalse();
    }

    @Test
    void nobody_hears_of_a_lost_connection_within_the_grace_period() {
        chat.notifier.forget();

        chat.membership.connectionLost(bob.connection());
        chat.clock.advance(GRACE.minusSeconds(1));
        chat.membership.releaseExpiredSeats();

        assertThat(chat.notifier.deliveries()).isEmpty();
        assertThat(chat.media.closed()).isEmpty();
        assertThat(chat.headCount(standup)).isEqualTo(2);
    }

    @Test
    void the_seat_is_released_as_a_disconnect_once_the_grace_period_is_over() {
        chat.membership.connectionLost(bob.connection());
        chat.clock.advance(GRACE);
        chat.membership.releaseExpiredSeats();

        assertThat(chat.eventsTo(ann, RoomEvent.ParticipantLeft.class))
                .containsExactly(new RoomEvent.ParticipantLeft(standup, bob.id(), LeaveReason.DISCONNECTED));
        assertThat(chat.headCount(standup)).isEqualTo(1);
    }

    @Test
    void a_resume_within_the_grace_period_takes_the_same_seat_back() {
        chat.membership.connectionLost(bob.connection());
        chat.clock.advance(GRACE.minusSeconds(1));
        chat.notifier.forget();

        resume(bob, BOBS_NEW_CONNECTION, bobsToken);

        RoomEvent.Joined joined = (RoomEvent.Joined) eventsToBobsNewConnection().get(0);
        assertThat(joined.resumed()).isTrue();
        assertThat(joined.self().id()).isEqualTo(bob.id());
        assertThat(joined.self().connection()).isEqualTo(BOBS_NEW_CONNECTION);
        assertThat(joined.others()).extracting(p -> p.id()).containsExactly(ann.id());
        assertThat(joined.resumeToken()).isEqualTo(bobsToken);
        assertThat(chat.eventsTo(ann, RoomEvent.ParticipantLeft.class)).isEmpty();
        assertThat(chat.eventsTo(ann, RoomEvent.ParticipantJoined.class)).isEmpty();
        assertThat(chat.headCount(standup)).isEqualTo(2);
    }

    @Test
    void what_happened_while_the_connection_was_lost_is_in_the_resumed_state() {
        chat.membership.connectionLost(bob.connection());
        chat.say(ann, "are you back?");
        chat.negotiation.updateMediaState(ann.connection(), new MediaState(true, false, false));
        Seated cid = chat.join(standup, "Cid");

        resume(bob, BOBS_NEW_CONNECTION, bobsToken);

        RoomEvent.Joined joined = (RoomEvent.Joined) eventsToBobsNewConnection().get(0);
        assertThat(joined.recentChat()).extracting(message -> message.text().value()).contains("are you back?");
        assertThat(joined.others()).extracting(Participant::id).containsExactlyInAnyOrder(ann.id(), cid.id());
        assertThat(joined.others()).filteredOn(p -> p.id().equals(ann.id())).extracting(Participant::mediaState)
                .containsExactly(new MediaState(true, false, false));
    }

    @Test
    void a_resumed_seat_is_not_released_when_the_old_grace_period_ends() {
        chat.membership.connectionLost(bob.connection());
        resume(bob, BOBS_NEW_CONNECTION, bobsToken);
        chat.notifier.forget();

        chat.clock.advance(GRACE.multipliedBy(2));
        chat.membership.releaseExpiredSeats();

        assertThat(chat.notifier.deliveries()).isEmpty();
        assertThat(chat.headCount(standup)).isEqualTo(2);
    }

    @Test
    void the_resumed_participants_links_are_closed_and_planned_anew_at_both_ends() {
        List<MediaLink> oldLinks = List.of(chat.linkCarrying(ann, bob), chat.linkCarrying(bob, ann));
        chat.membership.connectionLost(bob.connection());
        chat.notifier.forget();

        resume(bob, BOBS_NEW_CONNECTION, bobsToken);

        assertThat(chat.media.closed()).containsExactlyInAnyOrderElementsOf(oldLinks);
        assertThat(chat.eventsTo(ann, RoomEvent.LinkClosed.class)).hasSize(2);
        assertThat(chat.eventsTo(ann, RoomEvent.LinkOpened.class)).hasSize(2);
        assertThat(eventsToBobsNewConnection()).filteredOn(RoomEvent.LinkOpened.class::isInstance).hasSize(2);
        assertThat(eventsToBobsNewConnection()).filteredOn(RoomEvent.LinkClosed.class::isInstance).isEmpty();
        assertThat(chat.media.opened()).filteredOn(link -> link.involves(bob.id())).hasSize(4)
                .allMatch(link -> link.offerer() instanceof LinkEnd.OfParticipant);
    }

    @Test
    void the_resumed_seat_answers_on_the_new_connection() {
        chat.membership.connectionLost(bob.connection());
        resume(bob, BOBS_NEW_CONNECTION, bobsToken);
        chat.notifier.forget();

        chat.say(ann, "welcome back");

        assertThat(eventsToBobsNewConnection()).singleElement().isInstanceOf(RoomEvent.ChatPosted.class);
        chat.membership.leaveRoom(BOBS_NEW_CONNECTION);
        assertThat(chat.eventsTo(ann, RoomEvent.ParticipantLeft.class))
                .containsExactly(new RoomEvent.ParticipantLeft(standup, bob.id(), LeaveReason.LEFT));
    }

    @Test
    void a_seat_released_from_a_new_connection_leaves_at_once_as_a_leave() {
        chat.membership.connectionLost(bob.connection());

        chat.membership.releaseSeat(new ResumeSeatCommand(BOBS_NEW_CONNECTION, standup, bob.id(), bobsToken));

        assertThat(chat.eventsTo(ann, RoomEvent.ParticipantLeft.class))
                .containsExactly(new RoomEvent.ParticipantLeft(standup, bob.id(), LeaveReason.LEFT));
        assertThat(chat.headCount(standup)).isEqualTo(1);
        assertThat(refusalOf(() -> resume(bob, BOBS_NEW_CONNECTION, bobsToken))).isEqualTo(ErrorCode.RESUME_FAILED);
    }

    @Test
    void a_release_with_a_wrong_token_is_refused_and_the_seat_stays() {
        chat.membership.connectionLost(bob.connection());

        assertThat(refusalOf(() -> chat.membership.releaseSeat(
                new ResumeSeatCommand(BOBS_NEW_CONNECTION, standup, bob.id(), "not-the-token"))))
                .isEqualTo(ErrorCode.RESUME_FAILED);
        assertThat(chat.headCount(standup)).isEqualTo(2);
    }

    @Test
    void a_wrong_token_is_refused() {
        chat.membership.connectionLost(bob.connection());

        assertThat(refusalOf(() -> resume(bob, BOBS_NEW_CONNECTION, "guess"))).isEqualTo(ErrorCode.RESUME_FAILED);
        assertThat(refusalOf(() -> resume(bob, BOBS_NEW_CONNECTION, null))).isEqualTo(ErrorCode.RESUME_FAILED);
        assertThat(refusalOf(() -> resume(bob, BOBS_NEW_CONNECTION, chat.theOnlyJoinedTo(ann).resumeToken())))
                .isEqualTo(ErrorCode.RESUME_FAILED);
    }

    @Test
    void a_resume_after_the_grace_period_is_refused() {
        chat.membership.connectionLost(bob.connection());
        chat.clock.advance(GRACE);

        assertThat(refusalOf(() -> resume(bob, BOBS_NEW_CONNECTION, bobsToken))).isEqualTo(ErrorCode.RESUME_FAILED);
        chat.membership.releaseExpiredSeats();
        assertThat(refusalOf(() -> resume(bob, BOBS_NEW_CONNECTION, bobsToken))).isEqualTo(ErrorCode.RESUME_FAILED);
    }

    @Test
    void a_seat_that_was_left_cannot_be_resumed() {
        chat.membership.leaveRoom(bob.connection());

        assertThat(refusalOf(() -> resume(bob, BOBS_NEW_CONNECTION, bobsToken))).isEqualTo(ErrorCode.RESUME_FAILED);
    }

    @Test
    void a_seat_in_an_unknown_room_cannot_be_resumed() {
        assertThat(refusalOf(() -> chat.membership.resumeSeat(
                new ResumeSeatCommand(BOBS_NEW_CONNECTION, new RoomId("nowhere"), bob.id(), bobsToken))))
                .isEqualTo(ErrorCode.RESUME_FAILED);
    }

    @Test
    void a_connection_that_already_has_a_seat_cannot_resume_another() {
        chat.membership.connectionLost(bob.connection());

        assertThat(refusalOf(() -> resume(bob, ann.connection(), bobsToken))).isEqualTo(ErrorCode.ALREADY_IN_ROOM);
    }

    @Test
    void a_resume_may_overtake_the_notice_that_the_old_connection_was_lost() {
        resume(bob, BOBS_NEW_CONNECTION, bobsToken);
        chat.membership.connectionLost(bob.connection());
        chat.clock.advance(GRACE);
        chat.membership.releaseExpiredSeats();

        assertThat(chat.eventsTo(ann, RoomEvent.ParticipantLeft.class)).isEmpty();
        assertThat(chat.headCount(standup)).isEqualTo(2);
    }

    @Test
    void without_a_grace_period_a_lost_connection_leaves_at_once() {
        RoomServiceFixture impatient = new RoomServiceFixture(new RoomSettings(100, Duration.ofSeconds(60)));
        RoomId room = impatient.aRoom("Retro");
        Seated cid = impatient.join(room, "Cid");
        Seated dan = impatient.join(room, "Dan");

        impatient.membership.connectionLost(dan.connection());

        assertThat(impatient.eventsTo(cid, RoomEvent.ParticipantLeft.class))
                .containsExactly(new RoomEvent.ParticipantLeft(room, dan.id(), LeaveReason.DISCONNECTED));
    }
}
