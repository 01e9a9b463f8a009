package com.chatforyou.domain.port.in;

import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.RoomSummary;

public interface CreateRoomUseCase {

    /** Creates an empty room; capacity null means the media backend's default. */
    RoomSummary createRoom(CreateRoomCommand command);

    /** {@code creator} is the connection that asks; it is seated as the host when it joins (null: nobody is). */
    record CreateRoomCommand(String name, Integer capacity, String password, ConnectionId creator) {

        public CreateRoomCommand(String name, Integer capacity, String password) {
            this(name, capacity, password, null);
        }
    }
}
