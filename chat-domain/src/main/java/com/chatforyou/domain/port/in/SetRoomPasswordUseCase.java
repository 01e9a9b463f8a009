package com.chatforyou.domain.port.in;

import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.RoomId;
import java.util.concurrent.CompletionStage;

/** A host sets the password newcomers must give, or clears it with null or empty. */
public interface SetRoomPasswordUseCase {

    /** Refusals that need no work are thrown at once; a new password is set once the password worker hashed it. */
    CompletionStage<Void> setRoomPassword(SetRoomPasswordCommand command);

    record SetRoomPasswordCommand(ConnectionId connection, RoomId room, String password) {
        @Override
        public String toString() {
            return "SetRoomPasswordCommand[connection=" + connection + ", room=" + room + ", password=hidden]";
        }
    }
}
