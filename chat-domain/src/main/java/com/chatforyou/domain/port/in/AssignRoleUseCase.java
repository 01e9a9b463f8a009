package com.chatforyou.domain.port.in;

import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.Role;
import com.chatforyou.domain.model.RoomId;

/** The host makes a participant a co-host, takes it back, or hands the room over. */
public interface AssignRoleUseCase {

    void assignRole(AssignRoleCommand command);

    record AssignRoleCommand(ConnectionId connection, RoomId room, ParticipantId participant, Role role) {
    }
}
