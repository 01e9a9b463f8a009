package com.chatforyou.domain.model;

import java.util.Optional;

/** Someone asking to come into a room, with what they would sit there as. */
public record Newcomer(ConnectionId connection, DisplayName displayName, MediaCapabilities capabilities,
                       Optional<ClientToken> clientToken) {
}
