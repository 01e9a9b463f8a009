package com.chatforyou.domain.port.in;

import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.MediaCapabilities;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.RoomId;

public interface JoinRoomUseCase {

    /** Seats the caller; the acknowledgement and everything after it arrive as room events. */
    ParticipantId joinRoom(JoinRoomCommand command);

    record JoinRoomCommand(ConnectionId connection, RoomId room, String displayName, String password,
                           MediaCapabilities capabilities) {
    }
}
