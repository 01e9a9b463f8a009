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

    /**
     * What the participant's links carry now: a screen share adds video, also for a participant who
     * joined audio-only. Backends plan and forward by this, not by the devices the participant joined with.
     */
    public MediaCapabilities sends() {
        boolean sharesVideo = mediaState.sharing() && capabilities.publishes();
        return sharesVideo && !capabilities.sendsVideo()
                ? new MediaCapabilities(capabilities.sendsAudio(), true) : capabilities;
    }

    public Participant withMediaState(MediaState state) {
        return new Participant(id, displayName, capabilities, state, connection, joinedAt);
    }

    public Participant withConnection(ConnectionId newConnection) {
        return new Participant(id, displayName, capabilities, mediaState, newConnection, joinedAt);
    }
}
