package com.chatforyou.domain.port.out;

import com.chatforyou.domain.model.ConnectionId;

/**
 * Whether a connection may create rooms. The domain learns nothing else about accounts or sign-in:
 * the adapter that knows who signed in answers (chatforyou.security.room-creation).
 */
@FunctionalInterface
public interface RoomCreationPolicyPort {

    /** Everyone may create rooms: the default, and for tests. */
    RoomCreationPolicyPort ANYONE = connection -> true;

    boolean mayCreateRooms(ConnectionId connection);
}
