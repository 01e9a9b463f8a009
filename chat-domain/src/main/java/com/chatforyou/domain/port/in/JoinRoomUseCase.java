package com.chatforyou.domain.port.in;

import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.MediaCapabilities;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.RoomId;
import java.util.Optional;

public interface JoinRoomUseCase {

    /**
     * Seats the caller, or, when the room has a waiting room, lets them knock; the acknowledgement
     * ({@code joined} or {@code waiting}) and everything after it arrive as room events.
     *
     * @return the new seat; empty when the caller waits to be admitted (or was turned away at the door)
     */
    Optional<ParticipantId> joinRoom(JoinRoomCommand command);

    /** {@code clientToken} is the browser's own (see {@code ClientToken}); null when it sends none. */
    record JoinRoomCommand(ConnectionId connection, RoomId room, String displayName, String password,
                           MediaCapabilities capabilities, String clientToken) {

        public JoinRoomCommand(ConnectionId connection, RoomId room, String displayName, String password,
                               MediaCapabilities capabilities) {
            this(connection, room, displayName, password, capabilities, null);
        }
    }
}
