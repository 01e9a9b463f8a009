package com.chatforyou.domain.model;

/**
 * What the lobby shows of a room: {@code passwordRequired} asks for the password, {@code locked} takes
 * nobody new, {@code waitingRoom} means a host admits newcomers. {@code slug} is its invite link;
 * {@code privateLink} says that the link is unguessable and the room is not listed in the lobby.
 */
public record RoomSummary(RoomId id, RoomName name, int participantCount, Capacity capacity, boolean passwordRequired,
                          boolean locked, boolean waitingRoom, RoomSlug slug, boolean privateLink) {

    /** A room as created, of which only the lobby's figures matter (no invite link): for tests. */
    public RoomSummary(RoomId id, RoomName name, int participantCount, Capacity capacity, boolean passwordRequired) {
        this(id, name, participantCount, capacity, passwordRequired, false, false, null, false);
    }

    /** A room as created: neither locked nor with a waiting room. */
    public RoomSummary(RoomId id, RoomName name, int participantCount, Capacity capacity, boolean passwordRequired,
                       RoomSlug slug, boolean privateLink) {
        this(id, name, participantCount, capacity, passwordRequired, false, false, slug, privateLink);
    }
}
