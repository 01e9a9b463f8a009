package com.chatforyou.domain.service;

import static com.chatforyou.domain.fixtures.Refusals.refusalOf;
import static com.chatforyou.domain.service.RoomServiceFixture.joining;
import static com.chatforyou.domain.service.RoomServiceFixture.joiningWithPassword;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.DenialReason;
import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.HostHandover;
import com.chatforyou.domain.model.Knock;
import com.chatforyou.domain.model.RoomEvent;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.model.RoomName;
import com.chatforyou.domain.model.RoomSummary;
import com.chatforyou.domain.port.in.AnswerKnockUseCase.AnswerKnockCommand;
import com.chatforyou.domain.port.in.ConfigureWaitingRoomUseCase.ConfigureWaitingRoomCommand;
import com.chatforyou.domain.port.in.EndMeetingUseCase.EndMeetingCommand;
import com.chatforyou.domain.port.in.LockRoomUseCase.LockRoomCommand;
import com.chatforyou.domain.port.in.ResumeSeatUseCase.ResumeSeatCommand;
import com.chatforyou.domain.port.in.SetRoomPasswordUseCase.SetRoomPasswordCommand;
import com.chatforyou.domain.service.RoomServiceFixture.Knocker;
import com.chatforyou.domain.service.RoomServiceFixture.Seated;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the hosts decide about newcomers: the lock, the password, the waiting room; and ending the meeting. */
class ControllingWhoComesInTest {

    private final RoomServiceFixture chat = new RoomServiceFixture();
    private final RoomId standup = chat.aRoom("Standup");
    private final Seated ann = chat.join(standup, "Ann");
    private final Seated bob = chat.join(standup, "Bob");

    private void lock(Seated by, boolean locked) {
        chat.access.lockRoom(new LockRoomCommand(by.connection(), by.room(), locked));
    }

    private void waitingRoom(boolean on) {
        chat.access.configureWaitingRoom(new ConfigureWaitingRoomCommand(ann.connection(), standup, on));
    }

    private void admit(Seated by, Knocker knocker) {
        chat.access.admit(new AnswerKnockCommand(by.connection(), by.room(), knocker.knock()));
    }

    private void deny(Seated by, Knocker knocker) {
        chat.access.deny(new AnswerKnockCommand(by.connection(), by.room(), knocker.knock()));
    }

    private RoomSummary listed() {
        return chat.listed(standup).orElseThrow();
    }

    private List<List<String>> waitingListsSeenBy(Seated host) {
        return chat.eventsTo(host, RoomEvent.WaitingListChanged.class).stream()
                .map(changed -> changed.waiting().stream().map(k -> k.newcomer().displayName().value()).toList())
                .toList();
    }

    // ---- the lock ----

    @Test
    void a_locked_room_takes_nobody_new_and_the_lobby_shows_it_locked() {
        lock(ann, true);

        assertThat(refusalOf(() -> chat.join(standup, "Cid"))).isEqualTo(ErrorCode.ROOM_LOCKED);
        assertThat(listed().locked()).isTrue();
        assertThat(listed().participantCount()).isEqualTo(2);
        assertThat(chat.eventsTo(bob, RoomEvent.ControlsChanged.class)).singleElement()
                .satisfies(changed -> assertThat(changed.controls().locked()).isTrue());

        lock(ann, false);

        assertThat(chat.join(standup, "Cid").id()).isNotNull();
        assertThat(listed().locked()).isFalse();
    }

    @Test
    void a_participant_cannot_lock_the_room() {
        assertThat(refusalOf(() -> lock(bob, true))).isEqualTo(ErrorCode.NOT_HOST);
        assertThat(listed().locked()).isFalse();
    }

    @Test
    void a_seat_kept_for_a_reconnect_is_taken_back_in_a_locked_room() {
        String token = chat.theOnlyJoinedTo(bob).resumeToken();
        chat.membership.connectionLost(bob.connection());
        lock(ann, true);

        chat.membership.resumeSeat(new ResumeSeatCommand(new ConnectionId("conn-bob-2"), standup, bob.id(), token));

        assertThat(chat.notifier.theOnly(RoomEvent.Joined.class, new ConnectionId("conn-bob-2")).resumed()).isTrue();
    }

    // ---- the password ----

    @Test
    void a_host_sets_a_password_newcomers_then_need_and_clears_it_again() {
        chat.access.setRoomPassword(new SetRoomPasswordCommand(ann.connection(), standup, "s3cret"));

        assertThat(listed().passwordRequired()).isTrue();
        assertThat(refusalOf(() -> chat.join(standup, "Cid"))).isEqualTo(ErrorCode.WRONG_PASSWORD);
        Seated cid = chat.join(joiningWithPassword(standup, "Cid", "s3cret"));
        assertThat(chat.theOnlyJoinedTo(cid).controls().passwordRequired()).isTrue();

        chat.access.setRoomPassword(new SetRoomPasswordCommand(ann.connection(), standup, null));

        assertThat(listed().passwordRequired()).isFalse();
        assertThat(chat.join(standup, "Dee").id()).isNotNull();
        assertThat(chat.headCount(standup)).as("nobody already in had to leave").isEqualTo(4);
    }

    @Test
    void a_participant_cannot_change_the_password_and_an_overlong_one_is_refused() {
        assertThat(refusalOf(() -> chat.access.setRoomPassword(
                new SetRoomPasswordCommand(bob.connection(), standup, "mine")))).isEqualTo(ErrorCode.NOT_HOST);
        assertThat(refusalOf(() -> chat.access.setRoomPassword(
                new SetRoomPasswordCommand(ann.connection(), standup, "x".repeat(129)))))
                .isEqualTo(ErrorCode.INVALID_PASSWORD);
        assertThat(listed().passwordRequired()).isFalse();
    }

    // ---- the waiting room ----

    @Test
    void a_newcomer_knocks_waits_and_the_hosts_alone_see_who_is_waiting() {
        waitingRoom(true);
        chat.notifier.forget();

        Knocker cid = chat.knock(standup, "Cid");

        assertThat(chat.notifier.eventsTo(cid.connection())).containsExactly(
                new RoomEvent.Waiting(standup, new RoomName("Standup"), cid.knock()));
        assertThat(waitingListsSeenBy(ann)).containsExactly(List.of("Cid"));
        assertThat(chat.eventsTo(bob, RoomEvent.WaitingListChanged.class)).isEmpty();
        assertThat(chat.headCount(standup)).isEqualTo(2);
        assertThat(listed().waitingRoom()).isTrue();
        assertThat(refusalOf(() -> chat.knock(standup, "Cid"))).as("one knock per connection")
                .isEqualTo(ErrorCode.ALREADY_IN_ROOM);
    }

    @Test
    void an_admitted_newcomer_is_seated_and_a_denied_one_is_told() {
        waitingRoom(true);
        Knocker cid = chat.knock(standup, "Cid");
        Knocker dee = chat.knock(standup, "Dee");

        admit(ann, cid);
        deny(ann, dee);

        RoomEvent.Joined joined = chat.notifier.theOnly(RoomEvent.Joined.class, cid.connection());
        assertThat(joined.self().displayName().value()).isEqualTo("Cid");
        assertThat(chat.eventsTo(bob, RoomEvent.ParticipantJoined.class)).extracting(j -> j.participant().displayName().value())
                .containsExactly("Cid");
        assertThat(chat.notifier.eventsTo(dee.connection(), RoomEvent.Denied.class))
                .containsExactly(new RoomEvent.Denied(standup, new RoomName("Standup"), DenialReason.HOST));
        assertThat(chat.notifier.eventsTo(dee.connection(), RoomEvent.Joined.class)).isEmpty();
        assertThat(waitingListsSeenBy(ann)).containsExactly(List.of("Cid"), List.of("Cid", "Dee"), List.of("Dee"),
                List.of());
        assertThat(chat.headCount(standup)).isEqualTo(3);
        assertThat(chat.join(joining(chat.aRoom("Retro"), "Dee")).id()).as("a denied newcomer may go elsewhere")
                .isNotNull();
    }

    @Test
    void a_participant_cannot_admit_and_a_knock_answered_twice_is_unknown() {
        waitingRoom(true);
        Knocker cid = chat.knock(standup, "Cid");

        assertThat(refusalOf(() -> admit(bob, cid))).isEqualTo(ErrorCode.NOT_HOST);
        deny(ann, cid);
        assertThat(refusalOf(() -> admit(ann, cid))).isEqualTo(ErrorCode.UNKNOWN_KNOCK);
    }

    @Test
    void a_newcomer_who_leaves_or_drops_while_waiting_is_gone_from_the_hosts_list() {
        waitingRoom(true);
        Knocker cid = chat.knock(standup, "Cid");
        Knocker dee = chat.knock(standup, "Dee");

        chat.membership.leaveRoom(cid.connection());
        chat.membership.connectionLost(dee.connection());

        assertThat(chat.notifier.eventsTo(cid.connection(), RoomEvent.Left.class))
                .containsExactly(new RoomEvent.Left(standup));
        assertThat(waitingListsSeenBy(ann).get(waitingListsSeenBy(ann).size() - 1)).isEmpty();
        assertThat(refusalOf(() -> admit(ann, cid))).isEqualTo(ErrorCode.UNKNOWN_KNOCK);
    }

    @Test
    void a_name_taken_in_the_waiting_room_is_taken() {
        waitingRoom(true);
        chat.knock(standup, "Cid");

        assertThat(refusalOf(() -> chat.join(new com.chatforyou.domain.port.in.JoinRoomUseCase.JoinRoomCommand(
                new ConnectionId("another"), standup, "cid", null, null)))).isEqualTo(ErrorCode.NAME_TAKEN);
    }

    @Test
    void a_locked_room_takes_no_knocks_but_those_already_waiting_may_still_be_admitted() {
        waitingRoom(true);
        Knocker cid = chat.knock(standup, "Cid");
        lock(ann, true);

        assertThat(refusalOf(() -> chat.knock(standup, "Dee"))).isEqualTo(ErrorCode.ROOM_LOCKED);
        admit(ann, cid);
        assertThat(chat.headCount(standup)).isEqualTo(3);
    }

    @Test
    void admitting_into_a_full_room_keeps_the_newcomer_waiting_and_tells_the_host() {
        RoomId pair = chat.aRoomWithCapacity("Pair", 2);
        Seated eve = chat.join(pair, "Eve");
        chat.access.configureWaitingRoom(new ConfigureWaitingRoomCommand(eve.connection(), pair, true));
        Knocker fay = chat.knock(pair, "Fay");
        Knocker gus = chat.knock(pair, "Gus");
        admit(eve, gus);

        assertThat(refusalOf(() -> admit(eve, fay))).isEqualTo(ErrorCode.ROOM_FULL);
        assertThat(chat.room(pair).waiting()).extracting(Knock::id).containsExactly(fay.knock());
        assertThat(chat.notifier.eventsTo(fay.connection(), RoomEvent.Denied.class)).isEmpty();
        assertThat(refusalOf(() -> chat.join(pair, "Fay"))).as("still one knock per connection")
                .isEqualTo(ErrorCode.ALREADY_IN_ROOM);
    }

    @Test
    void turning_the_waiting_room_off_lets_everyone_waiting_in() {
        waitingRoom(true);
        Knocker cid = chat.knock(standup, "Cid");
        Knocker dee = chat.knock(standup, "Dee");

        waitingRoom(false);

        assertThat(chat.notifier.theOnly(RoomEvent.Joined.class, cid.connection())).isNotNull();
        assertThat(chat.notifier.theOnly(RoomEvent.Joined.class, dee.connection())).isNotNull();
        assertThat(chat.headCount(standup)).isEqualTo(4);
        assertThat(chat.join(standup, "Eve").id()).isNotNull();
    }

    @Test
    void when_everyone_leaves_those_waiting_hear_the_room_closed() {
        waitingRoom(true);
        Knocker cid = chat.knock(standup, "Cid");

        chat.membership.leaveRoom(bob.connection());
        chat.membership.leaveRoom(ann.connection());

        assertThat(chat.notifier.eventsTo(cid.connection(), RoomEvent.Denied.class)).extracting(RoomEvent.Denied::reason)
                .containsExactly(DenialReason.ROOM_CLOSED);
        assertThat(chat.listed(standup)).isEmpty();
        assertThat(chat.join(joining(chat.aRoom("Retro"), "Cid")).id()).isNotNull();
    }

    @Test
    void without_a_host_to_admit_them_nobody_waits() {
        RoomServiceFixture noHandover = new RoomServiceFixture(
                new HostSettings(HostHandover.NONE, HostSettings.DEFAULT_REMOVAL_BAN));
        RoomId retro = noHandover.aRoom("Retro");
        Seated host = noHandover.join(retro, "Ann");
        noHandover.join(retro, "Bob");
        noHandover.access.configureWaitingRoom(new ConfigureWaitingRoomCommand(host.connection(), retro, true));
        Knocker cid = noHandover.knock(retro, "Cid");

        noHandover.membership.leaveRoom(host.connection());

        assertThat(noHandover.notifier.eventsTo(cid.connection(), RoomEvent.Denied.class))
                .extracting(RoomEvent.Denied::reason).containsExactly(DenialReason.NO_HOST);
        noHandover.membership.joinRoom(joining(retro, "Dee"));
        assertThat(noHandover.notifier.eventsTo(RoomServiceFixture.connectionOf("Dee"), RoomEvent.Denied.class))
                .extracting(RoomEvent.Denied::reason).containsExactly(DenialReason.NO_HOST);
    }

    // ---- ending the meeting ----

    @Test
    void a_host_ends_the_meeting_for_everyone_and_the_room_is_gone() {
        waitingRoom(true);
        Knocker cid = chat.knock(standup, "Cid");
        chat.membership.connectionLost(bob.connection());
        chat.notifier.forget();

        chat.access.endMeeting(new EndMeetingCommand(ann.connection(), standup));

        for (Seated everyone : new Seated[] {ann, bob}) {
            assertThat(chat.eventsTo(everyone)).singleElement().isInstanceOfSatisfying(RoomEvent.MeetingEnded.class,
                    ended -> assertThat(ended.by().id()).isEqualTo(ann.id()));
        }
        assertThat(chat.notifier.eventsTo(cid.connection())).containsExactly(
                new RoomEvent.Denied(standup, new RoomName("Standup"), DenialReason.MEETING_ENDED));
        assertThat(chat.listed(standup)).isEmpty();
        assertThat(chat.statistics.roomStatistics().seatedParticipants()).isZero();
        assertThat(chat.media.roomsClosed()).contains(standup);
        assertThat(chat.join(joining(chat.aRoom("Retro"), "Ann")).id()).as("everyone's seat is free").isNotNull();
    }

    @Test
    void a_participant_cannot_end_the_meeting() {
        assertThat(refusalOf(() -> chat.access.endMeeting(new EndMeetingCommand(bob.connection(), standup))))
                .isEqualTo(ErrorCode.NOT_HOST);
        assertThat(chat.headCount(standup)).isEqualTo(2);
    }
}
