package com.chatforyou.domain.port.in;

import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.RoomId;

/** A host mutes a participant's microphone; the muted participant is told who did it. */
public interface MuteParticipantUseCase {

    void muteParticipant(MuteParticipantCommand command);

    record MuteParticipantCommand(ConnectionId connection, RoomId room, ParticipantId participant) {
    }
}
