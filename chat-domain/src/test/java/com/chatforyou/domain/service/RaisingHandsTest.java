package com.chatforyou.domain.service;

import static com.chatforyou.domain.fixtures.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.RaisedHand;
import com.chatforyou.domain.model.RoomEvent;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.port.in.RaiseHandUseCase.LowerHandCommand;
import com.chatforyou.domain.port.in.RaiseHandUseCase.RaiseHandCommand;
import com.chatforyou.domain.port.in.ResumeSeatUseCase.ResumeSeatCommand;
import com.chatforyou.domain.service.RoomServiceFixture.Seated;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Raised hands: one queue per room, first raised first, visible to everyone. */
class RaisingHandsTest {

    private final RoomServiceFixture chat = new RoomServiceFixture();
    private final RoomId standup = chat.aRoom("Standup");
    private final Seated ann = chat.join(standup, "Ann");
    private final Seated bob = chat.join(standup, "Bob");
    private final Seated cid = chat.join(standup, "Cid");

    private void raise(Seated who) {
        chat.clock.advance(Duration.ofSeconds(5));
        chat.hands.raiseHand(new RaiseHandCommand(who.connection(), who.room()));
    }

    private void lower(Seated by, Seated whose) {
        chat.hands.lowerHand(new LowerHandCommand(by.connection(), by.room(), whose == null ? null : whose.id()));
    }

    private List<ParticipantId> lastQueueSeenBy(Seated who) {
        List<RoomEvent.HandsChanged> seen = chat.eventsTo(who, RoomEvent.HandsChanged.class);
        assertThat(seen).as("hand updates to %s", who.name()).isNotEmpty();
        return seen.get(seen.size() - 1).raised().stream().map(RaisedHand::participant).toList();
    }

    @Test
    void hands_queue_in_the_order_they_went_up_and_everyone_sees_the_queue() {
        raise(cid);
        raise(ann);
        raise(bob);

        for (Seated everyone : new Seated[] {ann, bob, cid}) {
            assertThat(lastQueueSeenBy(everyone)).containsExactly(cid.id(), ann.id(), bob.id());
        }
        assertThat(chat.room(standup).raisedHands().get(0).raisedAt()).isBefore(
                chat.room(standup).raisedHands().get(1).raisedAt());
    }

    @Test
    void raising_again_keeps_ones_place_and_tells_nobody() {
        raise(cid);
        raise(bob);
        chat.notifier.forget();

        raise(cid);

        assertThat(chat.eventsTo(ann, RoomEvent.HandsChanged.class)).isEmpty();
        assertThat(chat.room(standup).raisedHands()).extracting(RaisedHand::participant)
                .containsExactly(cid.id(), bob.id());
    }

    @Test
    void anyone_lowers_their_own_hand_and_a_host_lowers_anyones() {
        raise(bob);
        raise(cid);

        lower(bob, null);
        assertThat(lastQueueSeenBy(cid)).containsExactly(cid.id());

        lower(ann, cid);
        assertThat(lastQueueSeenBy(bob)).isEmpty();
    }

    @Test
    void a_participant_cannot_lower_someone_elses_hand() {
        raise(cid);

        assertThat(refusalOf(() -> lower(bob, cid))).isEqualTo(ErrorCode.NOT_HOST);
        assertThat(chat.room(standup).raisedHands()).extracting(RaisedHand::participant).containsExactly(cid.id());
    }

    @Test
    void a_newcomer_sees_the_queue_and_a_leavers_hand_goes_down() {
        raise(bob);
        raise(cid);

        Seated dee = chat.join(standup, "Dee");
        assertThat(chat.theOnlyJoinedTo(dee).hands()).extracting(RaisedHand::participant)
                .containsExactly(bob.id(), cid.id());

        chat.membership.leaveRoom(bob.connection());
        assertThat(lastQueueSeenBy(dee)).containsExactly(cid.id());
    }

    @Test
    void a_raised_hand_survives_a_dropped_connection_and_comes_back_with_the_resume() {
        raise(bob);
        String token = chat.theOnlyJoinedTo(bob).resumeToken();
        ConnectionId again = new ConnectionId("conn-bob-2");

        chat.membership.connectionLost(bob.connection());
        chat.membership.resumeSeat(new ResumeSeatCommand(again, standup, bob.id(), token));

        assertThat(chat.notifier.theOnly(RoomEvent.Joined.class, again).hands()).extracting(RaisedHand::participant)
                .containsExactly(bob.id());
    }

    @Test
    void only_someone_in_the_room_raises_a_hand_there() {
        assertThat(refusalOf(() -> chat.hands.raiseHand(new RaiseHandCommand(new ConnectionId("stranger"), standup))))
                .isEqualTo(ErrorCode.NOT_IN_ROOM);
    }
}
