package com.chatforyou.domain.model;

import java.time.Instant;

/**
 * A seat in a room, reachable through the connection it joined (or resumed) on. {@code role} is what
 * the participant may do in the room; {@code unmuteLocked} is set while the room's hosts control
 * microphones and this participant has not been asked to unmute (see {@link Room#controlMicrophones}).
 */
public record Participant(
        ParticipantId id,
        DisplayName displayName,
        MediaCapabilities capabilities,
        MediaState mediaState,
        ConnectionId connection,
        Instant joinedAt,
        Role role,
        boolean unmuteLocked) {

    /** A participant without a role in moderation: not a host, free to unmute. */
    public Participant(ParticipantId id, DisplayName displayName, MediaCapabilities capabilities,
                       MediaState mediaState, ConnectionId connection, Instant joinedAt) {
        this(id, displayName, capabilities, mediaState, connection, joinedAt, Role.PARTICIPANT, false);
    }

    /**
     * What the participant's links carry now: a screen share adds video, also for a participant who
     * joined audio-only. Backends plan and forward by this, not by the devices the participant joined with.
     */
    public MediaCapabilities sends() {
        boolean sharesVideo = mediaState.sharing() && capabilities.publishes();
        return sharesVideo && !capabilities.sendsVideo()
                ? new MediaCapabilities(capabilities.sendsAudio(), true) : capabilities;
    }

    /** Whether the participant may turn their own microphone on. */
    public boolean mayUnmute() {
        return !unmuteLocked;
    }

    public Participant withMediaState(MediaState state) {
        return new Participant(id, displayName, capabilities, state, connection, joinedAt, role, unmuteLocked);
    }

    public Participant withConnection(ConnectionId newConnection) {
        return new Participant(id, displayName, capabilities, mediaState, newConnection, joinedAt, role, unmuteLocked);
    }

    public Participant withRole(Role newRole) {
        return new Participant(id, displayName, capabilities, mediaState, connection, joinedAt, newRole,
                unmuteLocked && !newRole.isHost());
    }

    public Participant withUnmuteLocked(boolean locked) {
        return new Participant(id, displayName, capabilities, mediaState, connection, joinedAt, role, locked);
    }
}
