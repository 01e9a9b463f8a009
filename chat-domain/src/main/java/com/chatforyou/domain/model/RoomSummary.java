package com.chatforyou.domain.model;

/** What the lobby shows of a room. */
public record RoomSummary(RoomId id, RoomName name, int participantCount, Capacity capacity, boolean locked) {
}
