package com.chatforyou.domain.port.in;

import com.chatforyou.domain.model.RoomSummary;

public interface CreateRoomUseCase {

    /** Creates an empty room; capacity null means the media backend's default. */
    RoomSummary createRoom(CreateRoomCommand command);

    /**
     * @param privateLink an unguessable invite link, and the room is not listed in the lobby
     * @param slug        a link asked for by name (a page bringing its room back after a server restart);
     *                    null gives the link from the name, or an unguessable one
     */
    record CreateRoomCommand(String name, Integer capacity, String password, boolean privateLink, String slug) {
        public CreateRoomCommand(String name, Integer capacity, String password) {
            this(name, capacity, password, false, null);
        }
    }
}
