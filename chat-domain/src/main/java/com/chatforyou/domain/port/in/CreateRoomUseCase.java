package com.chatforyou.domain.port.in;

import com.chatforyou.domain.model.ClientAddress;
import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.RoomSummary;
import java.util.concurrent.CompletionStage;

public interface CreateRoomUseCase {

    /**
     * Creates an empty room; capacity null means the media backend's default. Refusals that need no
     * work are thrown at once; a room with a password completes once the password worker hashed it.
     */
    CompletionStage<RoomSummary> createRoom(CreateRoomCommand command);

    /**
     * @param connection who asks, for the room creation policy
     * @param client     the address it connects from, for the per-address quotas
     */
    record CreateRoomCommand(ConnectionId connection, ClientAddress client, String name, Integer capacity,
                             String password) {

        /** From nowhere in particular: for tests that drive the domain directly. */
        public CreateRoomCommand(String name, Integer capacity, String password) {
            this(null, ClientAddress.UNKNOWN, name, capacity, password);
        }
    }
}
