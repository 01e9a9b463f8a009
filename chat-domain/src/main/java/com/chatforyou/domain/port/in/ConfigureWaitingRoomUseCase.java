package com.chatforyou.domain.port.in;

import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.RoomId;

/** A host turns the waiting room on (newcomers knock) or off (whoever waits is let in). */
public interface ConfigureWaitingRoomUseCase {

    void configureWaitingRoom(ConfigureWaitingRoomCommand command);

    record ConfigureWaitingRoomCommand(ConnectionId connection, RoomId room, boolean enabled) {
    }
}
