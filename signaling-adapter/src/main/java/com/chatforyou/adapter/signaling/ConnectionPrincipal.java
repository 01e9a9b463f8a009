package com.chatforyou.adapter.signaling;

import com.chatforyou.domain.model.ConnectionId;
import java.security.Principal;
import java.util.UUID;

/**
 * The identity of one WebSocket connection. Its name is the domain's {@link ConnectionId}, so user
 * destinations address exactly one connection, even when one person has two tabs open.
 */
public record ConnectionPrincipal(String name) implements Principal {

    public static ConnectionPrincipal random() {
        return new ConnectionPrincipal(UUID.randomUUID().toString());
    }

    public static ConnectionId connectionOf(Principal principal) {
        return new ConnectionId(principal.getName());
    }

    @Override
    public String getName() {
        return name;
    }
}
