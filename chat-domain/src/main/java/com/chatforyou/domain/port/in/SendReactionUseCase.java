package com.chatforyou.domain.port.in;

import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.RoomId;

/** An emoji reaction shown to everyone in the room for a moment; rate-limited per participant. */
public interface SendReactionUseCase {

    void sendReaction(SendReactionCommand command);

    record SendReactionCommand(ConnectionId connection, RoomId room, String emoji) {
    }
}
