package com.chatforyou.domain.port.in;

import com.chatforyou.domain.model.RoomSummary;

public interface CreateRoomUseCase {

    /** Creates an empty room; capacity null means the media backend's default. */
    RoomSummary createRoom(CreateRoomCommand command);

    record CreateRoomCommand(String name, Integer capacity, String password) {
    }
}
