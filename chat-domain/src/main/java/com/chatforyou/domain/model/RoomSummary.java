package com.chatforyou.domain.model;

/**
 * What the lobby shows of a room: {@code passwordRequired} asks for the password, {@code locked} takes
 * nobody new, {@code waitingRoom} means a host admits newcomers.
 */
public record RoomSummary(RoomId id, RoomName name, int participantCount, Capacity capacity, boolean passwordRequired,
                          boolean locked, boolean waitingRoom) {

    /** A room as created: neither locked nor with a waiting room. */
    public RoomSummary(RoomId id, RoomName name, int participantCount, Capacity capacity, boolean passwordRequired) {
        this(id, name, participantCount, capacity, passwordRequired, false, false);
    }
}
