package com.chatforyou.domain.service;

import static com.chatforyou.domain.fixtures.Refusals.refusalOf;
import static com.chatforyou.domain.service.RoomServiceFixture.candidate;
import static com.chatforyou.domain.service.RoomServiceFixture.connectionOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.LeaveReason;
import com.chatforyou.domain.model.LinkId;
import com.chatforyou.domain.model.MediaLink;
import com.chatforyou.domain.model.RoomEvent;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.model.RoomSummary;
import com.chatforyou.domain.service.RoomServiceFixture.Seated;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeavingRoomsTest {

    private final RoomServiceFixture chat = new RoomServiceFixture();
    private final RoomId standup = chat.aRoom("Standup");
    private final Seated ann = chat.join(standup, "Ann");
    private final Seated bob = chat.join(standup, "Bob");

    // ---- pressing leave ----

    @Test
    void the_leaver_hears_they_left() {
        chat.notifier.forget();

        chat.membership.leaveRoom(bob.connection());

        assertThat(chat.eventsTo(bob)).containsExactly(new RoomEvent.Left(standup));
    }

    @Test
    void the_others_hear_who_left_and_that_they_pressed_leave() {
        chat.membership.leaveRoom(bob.connection());

        assertThat(chat.eventsTo(ann, RoomEvent.ParticipantLeft.class))
                .containsExactly(new RoomEvent.ParticipantLeft(standup, bob.id(), LeaveReason.LEFT));
    }

    @Test
    void the_seat_is_free_after_leaving() {
        chat.membership.leaveRoom(bob.connection());

        assertThat(chat.headCount(standup)).isEqualTo(1);
        assertThat(chat.notifier.lastRoomList().orElseThrow()).singleElement()
                .extracting(RoomSummary::participantCount).isEqualTo(1);
    }

    @Test
    void a_participant_who_left_may_join_again() {
        chat.membership.leaveRoom(bob.connection());

        Seated bobAgain = chat.join(standup, "Bob");

        assertThat(bobAgain.id()).isNotEqualTo(bob.id());
        assertThat(chat.headCount(standup)).isEqualTo(2);
    }

    @Test
    void leaving_without_a_seat_is_refused() {
        assertThat(refusalOf(() -> chat.membership.leaveRoom(connectionOf("stranger")))).isEqualTo(ErrorCode.NOT_IN_ROOM);
    }

    @Test
    void leaving_twice_is_refused_the_second_time() {
        chat.membership.leaveRoom(bob.connection());

        assertThat(refusalOf(() -> chat.membership.leaveRoom(bob.connection()))).isEqualTo(ErrorCode.NOT_IN_ROOM);
    }

    // ---- losing the connection ----

    @Test
    void the_others_hear_a_lost_participant_was_disconnected_once_the_grace_period_is_over() {
        chat.loseConnectionPastGrace(bob);

        assertThat(chat.eventsTo(ann, RoomEvent.ParticipantLeft.class))
                .containsExactly(new RoomEvent.ParticipantLeft(standup, bob.id(), LeaveReason.DISCONNECTED));
        assertThat(chat.headCount(standup)).isEqualTo(1);
    }

    @Test
    void a_lost_connection_is_not_sent_a_goodbye() {
        chat.notifier.forget();

        chat.loseConnectionPastGrace(bob);

        assertThat(chat.eventsTo(bob)).isEmpty();
    }

    @Test
    void losing_a_connection_that_holds_no_seat_changes_nothing() {
        chat.notifier.forget();

        assertThatNoException().isThrownBy(() -> chat.membership.connectionLost(connectionOf("stranger")));

        assertThat(chat.notifier.deliveries()).isEmpty();
        assertThat(chat.notifier.roomListUpdates()).isEmpty();
        assertThat(chat.media.closed()).isEmpty();
        assertThat(chat.headCount(standup)).isEqualTo(2);
    }

    @Test
    void losing_a_connection_after_leaving_changes_nothing() {
        chat.membership.leaveRoom(bob.connection());
        chat.notifier.forget();

        chat.membership.connectionLost(bob.connection());

        assertThat(chat.notifier.deliveries()).isEmpty();
        assertThat(chat.notifier.roomListUpdates()).isEmpty();
    }

    // ---- links ----

    @Test
    void the_leavers_links_close_and_the_remaining_end_is_told() {
        LinkId annToBob = chat.linkCarrying(ann, bob).id();
        LinkId bobToAnn = chat.linkCarrying(bob, ann).id();
        chat.notifier.forget();

        chat.membership.leaveRoom(bob.connection());

        assertThat(chat.eventsTo(ann, RoomEvent.LinkClosed.class))
                .containsExactlyInAnyOrder(new RoomEvent.LinkClosed(annToBob), new RoomEvent.LinkClosed(bobToAnn));
        assertThat(chat.eventsTo(bob, RoomEvent.LinkClosed.class)).isEmpty();
    }

    @Test
    void the_media_port_releases_the_leavers_links() {
        List<MediaLink> bobsLinks = List.of(chat.linkCarrying(ann, bob), chat.linkCarrying(bob, ann));

        chat.loseConnectionPastGrace(bob);

        assertThat(chat.media.closed()).containsExactlyInAnyOrderElementsOf(bobsLinks);
    }

    @Test
    void links_between_those_who_stay_stay_open() {
        Seated cid = chat.join(standup, "Cid");
        LinkId annToBob = chat.linkCarrying(ann, bob).id();
        chat.notifier.forget();

        chat.membership.leaveRoom(cid.connection());

        assertThat(chat.media.closed()).hasSize(4).allMatch(link -> link.involves(cid.id()));
        assertThat(chat.eventsTo(ann, RoomEvent.LinkClosed.class)).hasSize(2)
                .doesNotContain(new RoomEvent.LinkClosed(annToBob));
        chat.send(ann, annToBob, candidate(54400));
        assertThat(chat.signalsTo(bob)).containsExactly(new RoomEvent.SignalReceived(annToBob, candidate(54400)));
    }

    // ---- the last one out ----

    @Test
    void a_room_disappears_when_its_last_participant_leaves() {
        chat.membership.leaveRoom(ann.connection());
        chat.loseConnectionPastGrace(bob);

        assertThat(chat.lobby.listRooms()).isEmpty();
        assertThat(chat.notifier.lastRoomList().orElseThrow()).isEmpty();
        assertThat(refusalOf(() -> chat.join(standup, "Cid"))).isEqualTo(ErrorCode.ROOM_NOT_FOUND);
    }

    @Test
    void the_media_port_is_told_when_a_room_closes() {
        chat.membership.leaveRoom(ann.connection());
        assertThat(chat.media.roomsClosed()).isEmpty();

        chat.membership.leaveRoom(bob.connection());

        assertThat(chat.media.roomsClosed()).containsExactly(standup);
    }

    @Test
    void a_closed_rooms_name_can_be_used_again() {
        chat.membership.leaveRoom(ann.connection());
        chat.membership.leaveRoom(bob.connection());

        RoomId again = chat.aRoom("standup");

        assertThat(again).isNotEqualTo(standup);
        assertThat(chat.lobby.listRooms()).extracting(RoomSummary::id).containsExactly(again);
    }

    @Test
    void the_last_one_out_still_hears_they_left() {
        chat.membership.leaveRoom(ann.connection());
        chat.notifier.forget();

        chat.membership.leaveRoom(bob.connection());

        assertThat(chat.eventsTo(bob)).containsExactly(new RoomEvent.Left(standup));
    }
}
