package com.chatforyou.domain.port.in;

import com.chatforyou.domain.model.ClientAddress;
import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.MediaCapabilities;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.RoomId;
import java.util.concurrent.CompletionStage;

public interface JoinRoomUseCase {

    /**
     * Seats the caller; the acknowledgement and everything after it arrive as room events. Refusals
     * that need no work are thrown at once; a locked room's join completes after the password worker
     * checked the password, and a wrong one fails the stage with {@code wrong-password}.
     */
    CompletionStage<ParticipantId> joinRoom(JoinRoomCommand command);

    /** @param client the address the connection comes from, for the password backoff */
    record JoinRoomCommand(ConnectionId connection, RoomId room, String displayName, String password,
                           MediaCapabilities capabilities, ClientAddress client) {

        public JoinRoomCommand(ConnectionId connection, RoomId room, String displayName, String password,
                               MediaCapabilities capabilities) {
            this(connection, room, displayName, password, capabilities, ClientAddress.UNKNOWN);
        }
    }
}
