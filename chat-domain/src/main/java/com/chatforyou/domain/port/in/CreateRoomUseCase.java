package com.chatforyou.domain.port.in;

import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.RoomSummary;

public interface CreateRoomUseCase {

    /** Creates an empty room; capacity null means the media backend's default. */
    RoomSummary createRoom(CreateRoomCommand command);

    /**
     * {@code creator} is the connection that asks; it is seated as the host when it joins (null: nobody is).
     *
     * @param privateLink an unguessable invite link, and the room is not listed in the lobby
     * @param slug        a link asked for by name (a page bringing its room back after a server restart);
     *                    null gives the link from the name, or an unguessable one
     */
    record CreateRoomCommand(String name, Integer capacity, String password, ConnectionId creator,
                             boolean privateLink, String slug) {

        public CreateRoomCommand(String name, Integer capacity, String password) {
            this(name, capacity, password, null, false, null);
        }

        public CreateRoomCommand(String name, Integer capacity, String password, ConnectionId creator) {
            this(name, capacity, password, creator, false, null);
        }
    }
}
