package com.chatforyou.domain.service;

import static com.chatforyou.domain.fixtures.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.KnockId;
import com.chatforyou.domain.model.MediaState;
import com.chatforyou.domain.model.Role;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.model.StoppedMedia;
import com.chatforyou.domain.port.in.AnswerKnockUseCase.AnswerKnockCommand;
import com.chatforyou.domain.port.in.AskToUnmuteUseCase.AskToUnmuteCommand;
import com.chatforyou.domain.port.in.AssignRoleUseCase.AssignRoleCommand;
import com.chatforyou.domain.port.in.ConfigureWaitingRoomUseCase.ConfigureWaitingRoomCommand;
import com.chatforyou.domain.port.in.ControlMicrophonesUseCase.ControlMicrophonesCommand;
import com.chatforyou.domain.port.in.EndMeetingUseCase.EndMeetingCommand;
import com.chatforyou.domain.port.in.LockRoomUseCase.LockRoomCommand;
import com.chatforyou.domain.port.in.MuteParticipantUseCase.MuteParticipantCommand;
import com.chatforyou.domain.port.in.RaiseHandUseCase.LowerHandCommand;
import com.chatforyou.domain.port.in.RemoveParticipantUseCase.RemoveParticipantCommand;
import com.chatforyou.domain.port.in.SetRoomPasswordUseCase.SetRoomPasswordCommand;
import com.chatforyou.domain.port.in.StopParticipantMediaUseCase.StopParticipantMediaCommand;
import com.chatforyou.domain.service.RoomServiceFixture.Knocker;
import com.chatforyou.domain.service.RoomServiceFixture.Seated;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The host of one room has no power in another: every host action names a room, and is refused unless
 * it is the host's own; one naming a participant of another room finds nobody.
 */
class HostPowersStayInTheirRoomTest {

    private final RoomServiceFixture chat = new RoomServiceFixture();
    private final RoomId standup = chat.aRoom("Standup");
    private final Seated ann = chat.join(standup, "Ann");
    private final RoomId retro = chat.aRoom("Retro");
    private final Seated cid = chat.join(retro, "Cid");
    private final Seated dee = chat.join(retro, "Dee");

    @Test
    void the_host_of_one_room_is_refused_everything_in_another() {
        chat.access.configureWaitingRoom(new ConfigureWaitingRoomCommand(cid.connection(), retro, true));
        Knocker eve = chat.knock(retro, "Eve");
        chat.notifier.forget();
        var on = ann.connection();

        List<ThrowingCallable> inRetro = List.of(
                () -> chat.moderation.muteParticipant(new MuteParticipantCommand(on, retro, dee.id())),
                () -> chat.moderation.askToUnmute(new AskToUnmuteCommand(on, retro, dee.id())),
                () -> chat.moderation.stopParticipantMedia(new StopParticipantMediaCommand(on, retro, dee.id(),
                        StoppedMedia.CAMERA)),
                () -> chat.moderation.removeParticipant(new RemoveParticipantCommand(on, retro, dee.id())),
                () -> chat.moderation.controlMicrophones(new ControlMicrophonesCommand(on, retro, true)),
                () -> chat.roles.assignRole(new AssignRoleCommand(on, retro, dee.id(), Role.HOST)),
                () -> chat.access.lockRoom(new LockRoomCommand(on, retro, true)),
                () -> chat.access.setRoomPassword(new SetRoomPasswordCommand(on, retro, "mine")),
                () -> chat.access.configureWaitingRoom(new ConfigureWaitingRoomCommand(on, retro, false)),
                () -> chat.access.admit(new AnswerKnockCommand(on, retro, eve.knock())),
                () -> chat.access.deny(new AnswerKnockCommand(on, retro, eve.knock())),
                () -> chat.access.endMeeting(new EndMeetingCommand(on, retro)),
                () -> chat.hands.lowerHand(new LowerHandCommand(on, retro, dee.id())));

        for (ThrowingCallable action : inRetro) {
            assertThat(refusalOf(action)).isEqualTo(ErrorCode.NOT_IN_ROOM);
        }
        assertThat(chat.notifier.deliveries()).as("nobody in Retro heard anything").isEmpty();
        assertThat(chat.listed(retro).orElseThrow().locked()).isFalse();
        assertThat(chat.listed(retro).orElseThrow().passwordRequired()).isFalse();
        assertThat(chat.room(retro).waiting()).hasSize(1);
        assertThat(chat.asTheRoomHas(dee).mediaState()).isEqualTo(MediaState.UNMUTED);
        assertThat(chat.asTheRoomHas(dee).role()).isEqualTo(Role.PARTICIPANT);
    }

    @Test
    void naming_a_participant_or_knock_of_another_room_from_ones_own_finds_nobody() {
        chat.access.configureWaitingRoom(new ConfigureWaitingRoomCommand(cid.connection(), retro, true));
        Knocker eve = chat.knock(retro, "Eve");
        chat.notifier.forget();
        var on = ann.connection();

        assertThat(refusalOf(() -> chat.moderation.muteParticipant(new MuteParticipantCommand(on, standup, dee.id()))))
                .isEqualTo(ErrorCode.UNKNOWN_PARTICIPANT);
        assertThat(refusalOf(() -> chat.moderation.removeParticipant(
                new RemoveParticipantCommand(on, standup, dee.id())))).isEqualTo(ErrorCode.UNKNOWN_PARTICIPANT);
        assertThat(refusalOf(() -> chat.roles.assignRole(new AssignRoleCommand(on, standup, cid.id(), Role.HOST))))
                .isEqualTo(ErrorCode.UNKNOWN_PARTICIPANT);
        assertThat(refusalOf(() -> chat.access.admit(new AnswerKnockCommand(on, standup, eve.knock()))))
                .isEqualTo(ErrorCode.UNKNOWN_KNOCK);
        assertThat(refusalOf(() -> chat.access.admit(new AnswerKnockCommand(on, standup, new KnockId("made-up")))))
                .isEqualTo(ErrorCode.UNKNOWN_KNOCK);
        assertThat(chat.notifier.deliveries()).isEmpty();
        assertThat(chat.headCount(retro)).isEqualTo(2);
        assertThat(chat.room(retro).waiting()).hasSize(1);
    }
}
