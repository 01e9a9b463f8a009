package com.chatforyou.domain.service;

import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.RoomEvent;
import com.chatforyou.domain.port.in.RaiseHandUseCase;
import com.chatforyou.domain.port.out.TimeSource;

/** Raised hands: one ordered queue per room that everyone sees; each change sends the whole queue. */
public final class HandsService implements RaiseHandUseCase {

    private final Callers callers;
    private final RoomMessenger messenger;
    private final TimeSource clock;

    HandsService(Callers callers, RoomMessenger messenger, TimeSource clock) {
        this.callers = callers;
        this.messenger = messenger;
        this.clock = clock;
    }

    @Override
    public void raiseHand(RaiseHandCommand command) {
        callers.inTheirRoom(command.connection(), command.room(), (room, participant) -> {
            if (room.raiseHand(participant, clock.now())) {
                messenger.tellEveryoneIn(room, new RoomEvent.HandsChanged(room.id(), room.raisedHands()));
            }
        });
    }

    @Override
    public void lowerHand(LowerHandCommand command) {
        callers.inTheirRoom(command.connection(), command.room(), (room, actor) -> {
            ParticipantId whose = command.participant() == null ? actor : command.participant();
            if (room.lowerHand(actor, whose)) {
                messenger.tellEveryoneIn(room, new RoomEvent.HandsChanged(room.id(), room.raisedHands()));
            }
        });
    }
}
