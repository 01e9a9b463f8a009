package com.chatforyou.domain.model;

import java.time.Instant;

/** A seat in a room, reachable through the connection it joined (or resumed) on. */
public record Participant(
        ParticipantId id,
        DisplayName displayName,
        MediaCapabilities capabilities,
        MediaState mediaState,
        ConnectionId connection,
        Instant joinedAt) {

    public Participant withMediaState(MediaState state) {
        return new Participant(id, displayName, capabilities, state, connection, joinedAt);
    }

    public Participant withConnection(ConnectionId newConnection) {
        return new Participant(id, displayName, capabilities, mediaState, newConnection, joinedAt);
    }
}
