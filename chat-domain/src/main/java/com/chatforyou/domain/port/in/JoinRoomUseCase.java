package com.chatforyou.domain.port.in;

import com.chatforyou.domain.model.ClientAddress;
import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.MediaCapabilities;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.RoomId;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

public interface JoinRoomUseCase {

    /**
     * Seats the caller, or, when the room has a waiting room, lets them knock; the acknowledgement
     * ({@code joined} or {@code waiting}) and everything after it arrive as room events. Refusals that
     * need no work are thrown at once; a room with a password is entered only after the password worker
     * checked it, and a wrong one fails the stage with {@code wrong-password}.
     *
     * @return completes with the new seat; empty when the caller waits to be admitted (or was turned
     *         away at the door)
     */
    CompletionStage<Optional<ParticipantId>> joinRoom(JoinRoomCommand command);

    /**
     * @param clientToken the browser's own (see {@code ClientToken}); null when it sends none
     * @param client      the address the connection comes from, for the password backoff
     */
    record JoinRoomCommand(ConnectionId connection, RoomId room, String displayName, String password,
                           MediaCapabilities capabilities, String clientToken, ClientAddress client) {

        /** Without a client token, from no known address: for tests that drive the domain directly. */
        public JoinRoomCommand(ConnectionId connection, RoomId room, String displayName, String password,
                               MediaCapabilities capabilities) {
            this(connection, room, displayName, password, capabilities, null, ClientAddress.UNKNOWN);
        }
    }
}
