package com.chatforyou.domain.service;

import static com.chatforyou.domain.fixtures.Refusals.refusalOf;
import static com.chatforyou.domain.service.RoomServiceFixture.connectionOf;
import static com.chatforyou.domain.service.RoomServiceFixture.joining;
import static com.chatforyou.domain.service.RoomServiceFixture.joiningWithPassword;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.domain.fixtures.FixedIceServers;
import com.chatforyou.domain.fixtures.SettableClock;
import com.chatforyou.domain.model.DisplayName;
import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.MediaCapabilities;
import com.chatforyou.domain.model.MediaState;
import com.chatforyou.domain.model.Participant;
import com.chatforyou.domain.model.RoomEvent;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.model.RoomSummary;
import com.chatforyou.domain.port.in.JoinRoomUseCase.JoinRoomCommand;
import com.chatforyou.domain.service.RoomServiceFixture.Seated;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class JoiningRoomsTest {

    private final RoomServiceFixture chat = new RoomServiceFixture();
    private final RoomId standup = chat.aRoom("Standup");

    // ---- who may come in ----

    @Test
    void a_room_that_does_not_exist_cannot_be_joined() {
        RoomId nowhere = new RoomId("no-such-room");

        assertThat(refusalOf(() -> chat.join(nowhere, "Ann"))).isEqualTo(ErrorCode.ROOM_NOT_FOUND);
    }

    @Test
    void a_full_room_refuses_the_next_participant() {
        RoomId pair = chat.aRoomWithCapacity("Pair", 2);
        chat.join(pair, "Ann");
        chat.join(pair, "Bob");

        assertThat(refusalOf(() -> chat.join(pair, "Cid"))).isEqualTo(ErrorCode.ROOM_FULL);
        assertThat(chat.headCount(pair)).isEqualTo(2);
    }

    @Test
    void a_locked_room_lets_in_whoever_knows_the_password() {
        RoomId board = chat.aLockedRoom("Board", "s3cret");

        Seated ann = chat.join(joiningWithPassword(board, "Ann", "s3cret"));

        assertThat(chat.eventsTo(ann).get(0)).isInstanceOf(RoomEvent.Joined.class);
        assertThat(chat.headCount(board)).isEqualTo(1);
    }

    @Test
    void a_locked_room_refuses_a_wrong_password() {
        RoomId board = chat.aLockedRoom("Board", "s3cret");

        assertThat(refusalOf(() -> chat.join(joiningWithPassword(board, "Ann", "S3CRET"))))
                .isEqualTo(ErrorCode.WRONG_PASSWORD);
        assertThat(chat.headCount(board)).isZero();
    }

    @Test
    void a_locked_room_refuses_a_missing_password() {
        RoomId board = chat.aLockedRoom("Board", "s3cret");

        assertThat(refusalOf(() -> chat.join(joining(board, "Ann")))).isEqualTo(ErrorCode.WRONG_PASSWORD);
    }

    @Test
    void ice_servers_are_handed_out_only_after_the_checks_passed() {
        RoomId board = chat.aLockedRoom("Board", "s3cret");

        refusalOf(() -> chat.join(joiningWithPassword(board, "Ann", "guess")));

        assertThat(chat.iceServers.handedTo()).isEmpty();
    }

    @Test
    void a_display_name_already_in_the_room_is_refused_whatever_its_case() {
        chat.join(standup, "Ann");

        assertThat(refusalOf(() -> chat.join(new JoinRoomCommand(connectionOf("other"), standup, "aNN", null,
                MediaCapabilities.AUDIO_VIDEO)))).isEqualTo(ErrorCode.NAME_TAKEN);
        assertThat(chat.headCount(standup)).isEqualTo(1);
    }

    @Test
    void the_same_display_name_may_be_used_in_another_room() {
        RoomId retro = chat.aRoom("Retro");
        chat.join(standup, "Ann");

        Seated otherAnn = chat.join(new JoinRoomCommand(connectionOf("ann-2"), retro, "Ann", null, null));

        assertThat(chat.theOnlyJoinedTo(otherAnn).self().displayName()).isEqualTo(new DisplayName("Ann"));
    }

    @Test
    void an_invalid_display_name_is_refused() {
        assertThat(refusalOf(() -> chat.join(standup, "  "))).isEqualTo(ErrorCode.INVALID_DISPLAY_NAME);
        assertThat(refusalOf(() -> chat.join(standup, "Ann\u0007Bob"))).isEqualTo(ErrorCode.INVALID_DISPLAY_NAME);
        assertThat(refusalOf(() -> chat.join(standup, "x".repeat(33)))).isEqualTo(ErrorCode.INVALID_DISPLAY_NAME);
        assertThat(chat.headCount(standup)).isZero();
    }

    @Test
    void the_display_name_is_trimmed() {
        Seated ann = chat.join(standup, "  Ann  ");

        assertThat(chat.theOnlyJoinedTo(ann).self().displayName().value()).isEqualTo("Ann");
    }

    @Test
    void a_connection_with_a_seat_cannot_join_again() {
        RoomId retro = chat.aRoom("Retro");
        chat.join(standup, "Ann");

        assertThat(refusalOf(() -> chat.join(standup, "Ann"))).isEqualTo(ErrorCode.ALREADY_IN_ROOM);
        assertThat(refusalOf(() -> chat.join(new JoinRoomCommand(connectionOf("Ann"), retro, "Annie", null, null))))
                .isEqualTo(ErrorCode.ALREADY_IN_ROOM);
        assertThat(chat.headCount(standup)).isEqualTo(1);
        assertThat(chat.headCount(retro)).isZero();
    }

    @Test
    void a_refused_join_tells_nobody_anything() {
        RoomId pair = chat.aRoomWithCapacity("Pair", 2);
        chat.join(pair, "Ann");
        chat.join(pair, "Bob");
        chat.notifier.forget();

        refusalOf(() -> chat.join(pair, "Cid"));

        assertThat(chat.notifier.deliveries()).isEmpty();
        assertThat(chat.notifier.roomListUpdates()).isEmpty();
    }

    // ---- what the newcomer hears ----

    @Test
    void a_participant_without_capabilities_only_receives() {
        Seated ann = chat.join(standup, "Ann", null);

        assertThat(chat.theOnlyJoinedTo(ann).self().capabilities()).isEqualTo(MediaCapabilities.RECEIVE_ONLY);
    }

    @Test
    void the_join_acknowledgement_is_the_first_thing_the_newcomer_hears() {
        chat.join(standup, "Ann");
        Seated bob = chat.join(standup, "Bob");

        List<RoomEvent> heard = chat.eventsTo(bob);

        assertThat(heard).hasSizeGreaterThan(1);
        assertThat(heard.get(0)).isInstanceOf(RoomEvent.Joined.class);
        assertThat(heard.subList(1, heard.size())).noneMatch(RoomEvent.Joined.class::isInstance);
    }

    @Test
    void the_join_acknowledgement_describes_the_newcomer() {
        chat.clock.advance(Duration.ofMinutes(5));

        Seated ann = chat.join(standup, "Ann", MediaCapabilities.AUDIO_ONLY);

        Participant self = chat.theOnlyJoinedTo(ann).self();
        assertThat(self.id()).isEqualTo(ann.id());
        assertThat(self.displayName()).isEqualTo(new DisplayName("Ann"));
        assertThat(self.capabilities()).isEqualTo(MediaCapabilities.AUDIO_ONLY);
        assertThat(self.mediaState()).isEqualTo(MediaState.UNMUTED);
        assertThat(self.connection()).isEqualTo(ann.connection());
        assertThat(self.joinedAt()).isEqualTo(SettableClock.START.plus(Duration.ofMinutes(5)));
    }

    @Test
    void the_join_acknowledgement_shows_the_room_with_the_newcomer_counted() {
        chat.join(standup, "Ann");
        Seated bob = chat.join(standup, "Bob");

        RoomSummary room = chat.theOnlyJoinedTo(bob).room();
        assertThat(room.id()).isEqualTo(standup);
        assertThat(room.name().value()).isEqualTo("Standup");
        assertThat(room.participantCount()).isEqualTo(2);
        assertThat(room.capacity().value()).isEqualTo(6);
        assertThat(room.passwordRequired()).isFalse();
        assertThat(room.locked()).isFalse();
    }

    @Test
    void the_join_acknowledgement_lists_the_others_but_not_the_newcomer() {
        Seated ann = chat.join(standup, "Ann");
        Seated bob = chat.join(standup, "Bob", MediaCapabilities.AUDIO_ONLY);
        Seated cid = chat.join(standup, "Cid");

        List<Participant> others = chat.theOnlyJoinedTo(cid).others();

        assertThat(others).extracting(Participant::id).containsExactly(ann.id(), bob.id());
        assertThat(others.get(1).capabilities()).isEqualTo(MediaCapabilities.AUDIO_ONLY);
    }

    @Test
    void the_first_participant_finds_nobody_else() {
        Seated ann = chat.join(standup, "Ann");

        assertThat(chat.theOnlyJoinedTo(ann).others()).isEmpty();
        assertThat(chat.theOnlyJoinedTo(ann).recentChat()).isEmpty();
    }

    @Test
    void the_join_acknowledgement_carries_the_rooms_recent_chat() {
        Seated ann = chat.join(standup, "Ann");
        chat.say(ann, "hi");
        chat.say(ann, "anyone?");

        Seated bob = chat.join(standup, "Bob");

        assertThat(chat.theOnlyJoinedTo(bob).recentChat())
                .extracting(message -> message.text().value())
                .containsExactly("hi", "anyone?");
    }

    @Test
    void ice_servers_arrive_with_the_join_acknowledgement_before_any_link() {
        chat.join(standup, "Ann");
        Seated bob = chat.join(standup, "Bob");

        List<RoomEvent> heard = chat.eventsTo(bob);

        assertThat(((RoomEvent.Joined) heard.get(0)).iceServers()).isEqualTo(FixedIceServers.SERVERS);
        assertThat(heard).filteredOn(RoomEvent.LinkOpened.class::isInstance).hasSize(2);
        assertThat(chat.iceServers.handedTo()).endsWith(bob.id());
    }

    // ---- what the others hear ----

    @Test
    void the_others_hear_who_joined() {
        Seated ann = chat.join(standup, "Ann");
        Seated bob = chat.join(standup, "Bob");
        Seated cid = chat.join(standup, "Cid", MediaCapabilities.RECEIVE_ONLY);

        List<RoomEvent.ParticipantJoined> annHeard = chat.eventsTo(ann, RoomEvent.ParticipantJoined.class);
        assertThat(annHeard).extracting(event -> event.participant().id()).containsExactly(bob.id(), cid.id());
        assertThat(annHeard).extracting(RoomEvent.ParticipantJoined::room).containsOnly(standup);
        assertThat(annHeard.get(1).participant().displayName().value()).isEqualTo("Cid");
        assertThat(annHeard.get(1).participant().capabilities()).isEqualTo(MediaCapabilities.RECEIVE_ONLY);
        assertThat(chat.eventsTo(bob, RoomEvent.ParticipantJoined.class))
                .extracting(event -> event.participant().id()).containsExactly(cid.id());
    }

    @Test
    void the_newcomer_is_not_told_of_their_own_arrival() {
        chat.join(standup, "Ann");
        Seated bob = chat.join(standup, "Bob");

        assertThat(chat.eventsTo(bob, RoomEvent.ParticipantJoined.class)).isEmpty();
    }

    @Test
    void the_lobby_sees_the_new_head_count() {
        chat.join(standup, "Ann");
        chat.notifier.forget();

        chat.join(standup, "Bob");

        assertThat(chat.notifier.roomListUpdates()).hasSize(1);
        assertThat(chat.notifier.lastRoomList().orElseThrow()).singleElement()
                .extracting(RoomSummary::participantCount).isEqualTo(2);
    }

    @Test
    void each_participant_gets_their_own_id() {
        Seated ann = chat.join(standup, "Ann");
        Seated bob = chat.join(standup, "Bob");

        assertThat(ann.id()).isNotEqualTo(bob.id());
    }
}
