package com.chatforyou.domain.service;

import static com.chatforyou.domain.fixtures.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.domain.model.ClientAddress;
import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.HostHandover;
import com.chatforyou.domain.model.LeaveReason;
import com.chatforyou.domain.model.MediaState;
import com.chatforyou.domain.model.Role;
import com.chatforyou.domain.model.RoomEvent;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.model.StoppedMedia;
import com.chatforyou.domain.port.in.AskToUnmuteUseCase.AskToUnmuteCommand;
import com.chatforyou.domain.port.in.AssignRoleUseCase.AssignRoleCommand;
import com.chatforyou.domain.port.in.ControlMicrophonesUseCase.ControlMicrophonesCommand;
import com.chatforyou.domain.port.in.JoinRoomUseCase.JoinRoomCommand;
import com.chatforyou.domain.port.in.MuteParticipantUseCase.MuteParticipantCommand;
import com.chatforyou.domain.port.in.RemoveParticipantUseCase.RemoveParticipantCommand;
import com.chatforyou.domain.port.in.StopParticipantMediaUseCase.StopParticipantMediaCommand;
import com.chatforyou.domain.service.RoomServiceFixture.Seated;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A host's powers over participants: microphones, cameras, screens, and removal. */
class ModeratingParticipantsTest {

    private static final MediaState TALKING = MediaState.UNMUTED;
    private static final MediaState MIC_OFF = new MediaState(true, false, false);

    private final RoomServiceFixture chat = new RoomServiceFixture();
    private final RoomId standup = chat.aRoom("Standup");
    private final Seated ann = chat.join(standup, "Ann");
    private final Seated bob = chat.join(standup, "Bob");
    private final Seated cid = chat.join(standup, "Cid");

    private void mute(Seated by, Seated whom) {
        chat.moderation.muteParticipant(new MuteParticipantCommand(by.connection(), by.room(), whom.id()));
    }

    private void askToUnmute(Seated by, Seated whom) {
        chat.moderation.askToUnmute(new AskToUnmuteCommand(by.connection(), by.room(), whom.id()));
    }

    private void stop(Seated by, Seated whom, StoppedMedia kind) {
        chat.moderation.stopParticipantMedia(new StopParticipantMediaCommand(by.connection(), by.room(), whom.id(),
                kind));
    }

    private void remove(Seated by, Seated whom) {
        chat.moderation.removeParticipant(new RemoveParticipantCommand(by.connection(), by.room(), whom.id()));
    }

    private void hostsControlMicrophones(boolean on) {
        chat.moderation.controlMicrophones(new ControlMicrophonesCommand(ann.connection(), standup, on));
    }

    private void toggle(Seated who, MediaState state) {
        chat.negotiation.updateMediaState(who.connection(), state);
    }

    private void makeCoHost(Seated whom) {
        chat.roles.assignRole(new AssignRoleCommand(ann.connection(), standup, whom.id(), Role.CO_HOST));
    }

    // ---- who may ----

    @Test
    void anyone_who_is_not_a_host_is_refused_every_host_action_with_not_host() {
        assertThat(refusalOf(() -> mute(bob, cid))).isEqualTo(ErrorCode.NOT_HOST);
        assertThat(refusalOf(() -> askToUnmute(bob, cid))).isEqualTo(ErrorCode.NOT_HOST);
        assertThat(refusalOf(() -> stop(bob, cid, StoppedMedia.CAMERA))).isEqualTo(ErrorCode.NOT_HOST);
        assertThat(refusalOf(() -> remove(bob, cid))).isEqualTo(ErrorCode.NOT_HOST);
        assertThat(refusalOf(() -> chat.moderation.controlMicrophones(
                new ControlMicrophonesCommand(bob.connection(), standup, true)))).isEqualTo(ErrorCode.NOT_HOST);
        assertThat(chat.asTheRoomHas(cid).mediaState()).isEqualTo(TALKING);
        assertThat(chat.room(standup).participants()).hasSize(3);
    }

    @Test
    void a_co_host_moderates_participants_but_not_the_host_nor_another_co_host() {
        makeCoHost(bob);
        makeCoHost(cid);
        Seated dee = chat.join(standup, "Dee");

        mute(bob, dee);

        assertThat(chat.asTheRoomHas(dee).mediaState().audioMuted()).isTrue();
        assertThat(refusalOf(() -> mute(bob, ann))).isEqualTo(ErrorCode.OUTRANKED);
        assertThat(refusalOf(() -> remove(bob, cid))).isEqualTo(ErrorCode.OUTRANKED);
        assertThat(refusalOf(() -> remove(ann, ann))).isEqualTo(ErrorCode.OUTRANKED);
    }

    @Test
    void a_host_action_on_someone_not_in_the_room_is_refused_with_unknown_participant() {
        chat.membership.leaveRoom(cid.connection());

        assertThat(refusalOf(() -> mute(ann, cid))).isEqualTo(ErrorCode.UNKNOWN_PARTICIPANT);
    }

    // ---- microphones ----

    @Test
    void the_muted_participant_hears_who_muted_them_and_everyone_sees_the_microphone_off() {
        chat.notifier.forget();

        mute(ann, bob);

        RoomEvent.MutedByHost told = chat.notifier.theOnly(RoomEvent.MutedByHost.class, bob.connection());
        assertThat(told.by().id()).isEqualTo(ann.id());
        assertThat(told.by().displayName().value()).isEqualTo("Ann");
        assertThat(told.mayUnmute()).isTrue();
        for (Seated everyone : new Seated[] {ann, bob, cid}) {
            assertThat(chat.eventsTo(everyone, RoomEvent.MediaStateChanged.class))
                    .containsExactly(new RoomEvent.MediaStateChanged(standup, bob.id(), MIC_OFF, true));
        }
        assertThat(chat.eventsTo(cid, RoomEvent.MutedByHost.class)).isEmpty();
    }

    @Test
    void unless_hosts_control_microphones_the_muted_may_unmute_themselves() {
        mute(ann, bob);

        toggle(bob, TALKING);

        assertThat(chat.asTheRoomHas(bob).mediaState()).isEqualTo(TALKING);
    }

    @Test
    void while_hosts_control_microphones_the_muted_cannot_unmute_until_a_host_asks_them_to() {
        hostsControlMicrophones(true);

        assertThat(refusalOf(() -> toggle(bob, TALKING))).isEqualTo(ErrorCode.UNMUTE_NOT_ALLOWED);
        assertThat(chat.asTheRoomHas(bob).mediaState().audioMuted()).isTrue();
        toggle(bob, new MediaState(true, true, false));
        assertThat(chat.asTheRoomHas(bob).mediaState().videoMuted()).as("other toggles still work").isTrue();

        askToUnmute(ann, bob);
        assertThat(chat.eventsTo(bob, RoomEvent.UnmuteRequested.class)).singleElement()
                .satisfies(asked -> assertThat(asked.by().id()).isEqualTo(ann.id()));
        assertThat(chat.asTheRoomHas(bob).mediaState().audioMuted()).as("asking mutes nothing, unmutes nothing")
                .isTrue();
        toggle(bob, TALKING);
        assertThat(chat.asTheRoomHas(bob).mediaState()).isEqualTo(TALKING);

        mute(ann, bob);
        assertThat(refusalOf(() -> toggle(bob, TALKING))).isEqualTo(ErrorCode.UNMUTE_NOT_ALLOWED);
    }

    @Test
    void hosts_taking_control_of_microphones_mutes_everyone_but_the_hosts_and_tells_them_who_did() {
        chat.notifier.forget();

        hostsControlMicrophones(true);

        assertThat(chat.asTheRoomHas(ann).mediaState()).isEqualTo(TALKING);
        for (Seated participant : new Seated[] {bob, cid}) {
            assertThat(chat.asTheRoomHas(participant).mediaState().audioMuted()).isTrue();
            assertThat(chat.asTheRoomHas(participant).mayUnmute()).isFalse();
            assertThat(chat.notifier.theOnly(RoomEvent.MutedByHost.class, participant.connection()).mayUnmute())
                    .isFalse();
        }
        assertThat(chat.eventsTo(cid, RoomEvent.ControlsChanged.class)).singleElement()
                .satisfies(changed -> assertThat(changed.controls().hostsControlMicrophones()).isTrue());
        assertThat(chat.eventsTo(cid, RoomEvent.MediaStateChanged.class))
                .contains(new RoomEvent.MediaStateChanged(standup, bob.id(), MIC_OFF, false));
    }

    @Test
    void a_newcomer_to_a_room_whose_hosts_control_microphones_joins_muted() {
        hostsControlMicrophones(true);

        Seated dee = chat.join(standup, "Dee");

        RoomEvent.Joined joined = chat.theOnlyJoinedTo(dee);
        assertThat(joined.self().mediaState().audioMuted()).isTrue();
        assertThat(joined.self().mayUnmute()).isFalse();
        assertThat(joined.controls().hostsControlMicrophones()).isTrue();
        assertThat(refusalOf(() -> toggle(dee, TALKING))).isEqualTo(ErrorCode.UNMUTE_NOT_ALLOWED);
    }

    @Test
    void giving_microphones_back_lets_everyone_unmute() {
        hostsControlMicrophones(true);

        hostsControlMicrophones(false);

        toggle(bob, TALKING);
        assertThat(chat.asTheRoomHas(bob).mediaState()).isEqualTo(TALKING);
        assertThat(chat.asTheRoomHas(cid).mayUnmute()).isTrue();
    }

    @Test
    void a_participant_made_co_host_may_unmute_while_hosts_control_microphones() {
        hostsControlMicrophones(true);

        makeCoHost(bob);

        toggle(bob, TALKING);
        assertThat(chat.asTheRoomHas(bob).mediaState()).isEqualTo(TALKING);
    }

    // ---- cameras and screens ----

    @Test
    void a_host_stops_a_camera_and_a_screen_share_and_the_participant_hears_who_did() {
        toggle(bob, new MediaState(false, false, true));
        chat.notifier.forget();

        stop(ann, bob, StoppedMedia.SCREEN_SHARE);
        stop(ann, bob, StoppedMedia.CAMERA);

        assertThat(chat.asTheRoomHas(bob).mediaState()).isEqualTo(new MediaState(false, true, false));
        assertThat(chat.eventsTo(bob, RoomEvent.MediaStoppedByHost.class)).extracting(RoomEvent.MediaStoppedByHost::kind)
                .containsExactly(StoppedMedia.SCREEN_SHARE, StoppedMedia.CAMERA);
        assertThat(chat.eventsTo(cid, RoomEvent.MediaStateChanged.class)).extracting(RoomEvent.MediaStateChanged::state)
                .containsExactly(new MediaState(false, false, false), new MediaState(false, true, false));
        toggle(bob, TALKING);
        assertThat(chat.asTheRoomHas(bob).mediaState()).as("the camera may come back on").isEqualTo(TALKING);
    }

    // ---- removing ----

    @Test
    void the_removed_participant_hears_who_removed_them_and_the_others_see_them_leave_removed() {
        chat.notifier.forget();

        remove(ann, bob);

        RoomEvent.Removed removed = chat.notifier.theOnly(RoomEvent.Removed.class, bob.connection());
        assertThat(removed.by().id()).isEqualTo(ann.id());
        assertThat(removed.rejoinAfter()).contains(chat.clock.now().plus(HostSettings.DEFAULT_REMOVAL_BAN));
        assertThat(chat.eventsTo(cid, RoomEvent.ParticipantLeft.class))
                .containsExactly(new RoomEvent.ParticipantLeft(standup, bob.id(), LeaveReason.REMOVED));
        assertThat(chat.eventsTo(bob, RoomEvent.ParticipantLeft.class)).isEmpty();
        assertThat(chat.headCount(standup)).isEqualTo(2);
        assertThat(chat.media.closed()).filteredOn(link -> link.involves(bob.id())).hasSize(4);
        assertThat(chat.room(standup).links()).noneMatch(link -> link.involves(bob.id()));
    }

    @Test
    void the_removed_cannot_come_back_under_their_name_token_or_connection_until_the_ban_ends() {
        chat.membership.leaveRoom(bob.connection());
        Seated bobAgain = chat.join(new JoinRoomCommand(bob.connection(), standup, "Bob", null, null,
                "bobs-browser-token", ClientAddress.UNKNOWN));
        remove(ann, bobAgain);

        assertThat(refusalOf(() -> chat.join(standup, "Bob"))).isEqualTo(ErrorCode.BANNED);
        assertThat(refusalOf(() -> chat.join(standup, "bob"))).isEqualTo(ErrorCode.BANNED);
        assertThat(refusalOf(() -> chat.join(new JoinRoomCommand(new com.chatforyou.domain.model.ConnectionId("other"),
                standup, "Robert", null, null, "bobs-browser-token", ClientAddress.UNKNOWN)))).isEqualTo(ErrorCode.BANNED);
        assertThat(refusalOf(() -> chat.join(new JoinRoomCommand(bob.connection(), standup, "Bobby", null, null))))
                .as("the same connection")
                .isEqualTo(ErrorCode.BANNED);
        Seated elsewhere = chat.join(chat.aRoom("Retro"), "Bob");
        assertThat(elsewhere.id()).as("the ban is for that room only").isNotNull();
        chat.membership.leaveRoom(elsewhere.connection());

        chat.clock.advance(HostSettings.DEFAULT_REMOVAL_BAN);

        assertThat(chat.join(standup, "Bob").id()).isNotNull();
    }

    @Test
    void with_no_removal_ban_the_removed_may_come_back_at_once() {
        RoomServiceFixture lenient = new RoomServiceFixture(new HostSettings(HostHandover.LONGEST_PRESENT,
                Duration.ZERO));
        RoomId retro = lenient.aRoom("Retro");
        Seated host = lenient.join(retro, "Ann");
        Seated guest = lenient.join(retro, "Bob");

        lenient.moderation.removeParticipant(new RemoveParticipantCommand(host.connection(), retro, guest.id()));

        assertThat(lenient.notifier.theOnly(RoomEvent.Removed.class, guest.connection()).rejoinAfter())
                .isEqualTo(Optional.empty());
        assertThat(lenient.join(retro, "Bob").id()).isNotNull();
    }

    @Test
    void a_removed_participant_waiting_for_a_reconnect_is_removed_too() {
        chat.membership.connectionLost(bob.connection());

        remove(ann, bob);

        assertThat(chat.headCount(standup)).isEqualTo(2);
        assertThat(chat.statistics.roomStatistics().seatsAwaitingReconnect()).isZero();
    }

    @Test
    void removing_the_host_by_the_new_host_after_a_handover_leaves_a_host() {
        chat.roles.assignRole(new AssignRoleCommand(ann.connection(), standup, bob.id(), Role.HOST));

        remove(bob, ann);

        assertThat(chat.room(standup).hosts()).extracting(p -> p.id()).containsExactly(bob.id());
    }
}
