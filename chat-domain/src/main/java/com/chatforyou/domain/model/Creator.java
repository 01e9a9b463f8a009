package com.chatforyou.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Who created a room: the connection that asked for it, the address it came from and, when host
 * sign-in is on, the signed-in user. The rule "creators are hosts": whoever it recognises is seated as
 * the host, past the lock and the waiting room. The address counts the room against that address's
 * quota of rooms nobody joined.
 */
public record Creator(Optional<ConnectionId> connection, Optional<String> signedInUser, ClientAddress address) {
    public static final Creator UNKNOWN = new Creator(Optional.empty(), Optional.empty(), ClientAddress.UNKNOWN);

    public Creator {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(signedInUser, "signedInUser");
        Objects.requireNonNull(address, "address");
    }

    public boolean recognises(ConnectionId newcomer, Optional<String> newcomerUser) {
        return connection.filter(newcomer::equals).isPresent()
                || (signedInUser.isPresent() && signedInUser.equals(newcomerUser));
    }
}
