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
     * @param creator     the connection that asks: the room creation policy decides for it, and it is seated as
     *                    the host when it joins (null: nobody is)
     * @param client      the address it connects from, for the per-address quotas
     * @param privateLink an unguessable invite link, and the room is not listed in the lobby
     * @param slug        a link asked for by name (a page bringing its room back after a server restart);
     *                    null gives the link from the name, or an unguessable one
     */
    record CreateRoomCommand(String name, Integer capacity, String password, ConnectionId creator,
                             ClientAddress client, boolean privateLink, String slug) {

        /** From nobody in particular: for tests that drive the domain directly. */
        public CreateRoomCommand(String name, Integer capacity, String password) {
            this(name, capacity, password, null, ClientAddress.UNKNOWN);
        }

        /** From a connection with no known address: for tests that drive the domain directly. */
        public CreateRoomCommand(String name, Integer capacity, String password, ConnectionId creator) {
            this(name, capacity, password, creator, ClientAddress.UNKNOWN);
        }

        /** A listed room whose link comes from its name. */
        public CreateRoomCommand(String name, Integer capacity, String password, ConnectionId creator,
                                 ClientAddress client) {
            this(name, capacity, password, creator, client, false, null);
        }
    }
}
