package com.chatforyou.domain.service;

import com.chatforyou.domain.model.Reaction;
import com.chatforyou.domain.model.RoomEvent;
import com.chatforyou.domain.port.in.SendReactionUseCase;
import com.chatforyou.domain.port.out.TimeSource;

/** Emoji reactions: shown to everyone in the room, never stored, and limited per participant. */
public final class ReactionsService implements SendReactionUseCase {

    private final Callers callers;
    private final RoomMessenger messenger;
    private final TimeSource clock;

    ReactionsService(Callers callers, RoomMessenger messenger, TimeSource clock) {
        this.callers = callers;
        this.messenger = messenger;
        this.clock = clock;
    }

    @Override
    public void sendReaction(SendReactionCommand command) {
        Reaction reaction = new Reaction(command.emoji());
        callers.inTheirRoom(command.connection(), command.room(), (room, participant) -> {
            room.react(participant, clock.now());
            messenger.tellEveryoneIn(room, new RoomEvent.Reacted(room.id(), participant, reaction));
        });
    }
}
