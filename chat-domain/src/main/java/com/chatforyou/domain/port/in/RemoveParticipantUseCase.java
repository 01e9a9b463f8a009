package com.chatforyou.domain.port.in;

import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.RoomId;

/** A host removes a participant, who may not come back for the configured ban. */
public interface RemoveParticipantUseCase {

    void removeParticipant(RemoveParticipantCommand command);

    record RemoveParticipantCommand(ConnectionId connection, RoomId room, ParticipantId participant) {
    }
}
