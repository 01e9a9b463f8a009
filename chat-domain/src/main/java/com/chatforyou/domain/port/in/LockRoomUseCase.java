package com.chatforyou.domain.port.in;

import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.RoomId;

/** A host locks the room (no new joins, not even knocks) or unlocks it. */
public interface LockRoomUseCase {

    void lockRoom(LockRoomCommand command);

    record LockRoomCommand(ConnectionId connection, RoomId room, boolean locked) {
    }
}
