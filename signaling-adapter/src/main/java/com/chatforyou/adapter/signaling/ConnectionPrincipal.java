package com.chatforyou.adapter.signaling;

import com.chatforyou.domain.model.ClientAddress;
import com.chatforyou.domain.model.ConnectionId;
import java.security.Principal;
import java.util.Optional;
import java.util.UUID;

/**
 * The identity of one WebSocket connection. Its name is the domain's {@link ConnectionId}, so user
 * destinations address exactly one connection, even when one person has two tabs open. It also
 * carries what the handshake knew: the client's address and, when the HTTP session behind the
 * handshake was signed in, who signed in.
 *
 * @param signedIn null for a guest
 */
public record ConnectionPrincipal(String name, ClientAddress client, SignedInUser signedIn) implements Principal {

    public ConnectionPrincipal(String name) {
        this(name, ClientAddress.UNKNOWN, null);
    }

    public static ConnectionPrincipal random(ClientAddress client, SignedInUser signedIn) {
        return new ConnectionPrincipal(UUID.randomUUID().toString(), client, signedIn);
    }

    public static ConnectionId connectionOf(Principal principal) {
        return new ConnectionId(principal.getName());
    }

    /** The client's address, or {@link ClientAddress#UNKNOWN} for a principal that is not a connection's. */
    public static ClientAddress clientOf(Principal principal) {
        return principal instanceof ConnectionPrincipal connection ? connection.client() : ClientAddress.UNKNOWN;
    }

    public Optional<SignedInUser> signedInUser() {
        return Optional.ofNullable(signedIn);
    }

    @Override
    public String getName() {
        return name;
    }
}
