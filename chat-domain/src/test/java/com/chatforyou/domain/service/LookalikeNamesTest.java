package com.chatforyou.domain.service;

import static com.chatforyou.domain.fixtures.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.MediaCapabilities;
import com.chatforyou.domain.port.in.ConfigureWaitingRoomUseCase.ConfigureWaitingRoomCommand;
import com.chatforyou.domain.port.in.JoinRoomUseCase.JoinRoomCommand;
import com.chatforyou.domain.port.in.RemoveParticipantUseCase.RemoveParticipantCommand;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.port.out.NameSkeletonPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names that look alike are one name: in a room for display names, on the server for room names. The
 * skeleton comes from the port (ICU's in production, see the names adapter); here a stand-in that knows
 * one Cyrillic letter shows the domain asks the port.
 */
class LookalikeNamesTest {
    private static final NameSkeletonPort CYRILLIC_A_IS_A = name ->
            NameSkeletonPort.CASE_INSENSITIVE.skeletonOf(name.replace('\u0410', 'A').replace('\u0430', 'a'));

    private final RoomServiceFixture chat = new RoomServiceFixture(Safeguards.DEFAULTS.withSkeletons(CYRILLIC_A_IS_A));
    private final RoomId standup = chat.aRoom("Standup");

    @ParameterizedTest
    @ValueSource(strings = {"Ann", "ann", "Ann\u200b", "Ann\u00a0", "\u202eAnn", "A\u00adnn", "\uff21nn", "\u0410nn"})
    void a_lookalike_of_a_present_name_is_taken(String lookalike) {
        chat.join(standup, "Ann");

        assertThat(refusalOf(() -> chat.join(new JoinRoomCommand(RoomServiceFixture.connectionOf("second"), standup,
                lookalike, null, MediaCapabilities.AUDIO_VIDEO)))).isEqualTo(ErrorCode.NAME_TAKEN);
        assertThat(chat.headCount(standup)).isEqualTo(1);
    }

    @Test
    void a_lookalike_may_sit_in_another_room() {
        chat.join(standup, "Ann");
        RoomId other = chat.aRoom("Other");

        chat.join(other, "\u0410nn");

        assertThat(chat.headCount(other)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"standup", "Stand\u200bup", "St\u0430ndup", "\uff33tandup"})
    void a_lookalike_of_a_room_name_is_taken(String lookalike) {
        assertThat(refusalOf(() -> chat.aRoom(lookalike))).isEqualTo(ErrorCode.ROOM_NAME_TAKEN);
    }

    @Test
    void a_lookalike_of_someone_waiting_to_be_admitted_is_taken() {
        var host = chat.join(standup, "Host");
        chat.access.configureWaitingRoom(new ConfigureWaitingRoomCommand(host.connection(), standup, true));
        chat.knock(standup, "Ann");

        assertThat(refusalOf(() -> chat.join(new JoinRoomCommand(RoomServiceFixture.connectionOf("second"), standup,
                "\u0410nn\u200b", null, MediaCapabilities.AUDIO_VIDEO)))).isEqualTo(ErrorCode.NAME_TAKEN);
    }

    @Test
    void a_removed_participant_cannot_come_back_under_a_lookalike_name() {
        var host = chat.join(standup, "Host");
        var ann = chat.join(standup, "Ann");
        chat.moderation.removeParticipant(new RemoveParticipantCommand(host.connection(), standup, ann.id()));

        assertThat(refusalOf(() -> chat.join(new JoinRoomCommand(RoomServiceFixture.connectionOf("new-tab"), standup,
                "\u0410nn", null, MediaCapabilities.AUDIO_VIDEO)))).isEqualTo(ErrorCode.BANNED);
    }

    @Test
    void what_others_see_is_the_normalized_name() {
        var ann = chat.join(standup, "  Ann\u200b\u00a0 Lee ");

        assertThat(chat.theOnlyJoinedTo(ann).self().displayName().value()).isEqualTo("Ann Lee");
    }
}
