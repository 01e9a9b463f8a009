package com.chatforyou.domain.port.in;

import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.RoomId;

/** A host turns the room mode "hosts control microphones" on or off. */
public interface ControlMicrophonesUseCase {

    void controlMicrophones(ControlMicrophonesCommand command);

    record ControlMicrophonesCommand(ConnectionId connection, RoomId room, boolean hostsControl) {
    }
}
