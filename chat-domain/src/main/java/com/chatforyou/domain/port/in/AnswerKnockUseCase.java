package com.chatforyou.domain.port.in;

import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.KnockId;
import com.chatforyou.domain.model.RoomId;

/** A host admits a newcomer from the waiting room, or denies them (they are told). */
public interface AnswerKnockUseCase {

    void admit(AnswerKnockCommand command);

    void deny(AnswerKnockCommand command);

    record AnswerKnockCommand(ConnectionId connection, RoomId room, KnockId knock) {
    }
}
