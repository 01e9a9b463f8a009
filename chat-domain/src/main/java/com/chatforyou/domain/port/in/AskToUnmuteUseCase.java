package com.chatforyou.domain.port.in;

import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.RoomId;

/** A host asks a participant to turn their microphone on; the participant decides. */
public interface AskToUnmuteUseCase {

    void askToUnmute(AskToUnmuteCommand command);

    record AskToUnmuteCommand(ConnectionId connection, RoomId room, ParticipantId participant) {
    }
}
