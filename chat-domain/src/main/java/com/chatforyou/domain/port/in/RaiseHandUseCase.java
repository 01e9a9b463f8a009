package com.chatforyou.domain.port.in;

import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.RoomId;

/** Raised hands: one queue per room, visible to everyone; hosts may lower anyone's hand. */
public interface RaiseHandUseCase {

    void raiseHand(RaiseHandCommand command);

    void lowerHand(LowerHandCommand command);

    record RaiseHandCommand(ConnectionId connection, RoomId room) {
    }

    /** {@code participant} null lowers one's own hand. */
    record LowerHandCommand(ConnectionId connection, RoomId room, ParticipantId participant) {
    }
}
