package com.chatforyou.domain.model;

import java.util.Optional;

/**
 * Who created a room: the connection that asked for it and, when host sign-in is on, the signed-in
 * user. The rule "creators are hosts": whoever it recognises is seated as the host, past the lock
 * and the waiting room.
 */
public record Creator(Optional<ConnectionId> connection, Optional<String> signedInUser) {
    public static final Creator UNKNOWN = new Creator(Optional.empty(), Optional.empty());

    public boolean recognises(ConnectionId newcomer, Optional<String> newcomerUser) {
        return connection.filter(newcomer::equals).isPresent()
                || (signedInUser.isPresent() && signedInUser.equals(newcomerUser));
    }
}
