package com.chatforyou.domain.port.in;

import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.RoomId;

public interface PostChatMessageUseCase {

    void postChatMessage(PostChatMessageCommand command);

    /** The room is named so a message for a room the sender is not in is refused, never misdelivered. */
    record PostChatMessageCommand(ConnectionId connection, RoomId room, String text) {
    }
}
