package com.chatforyou.domain.model;

/**
 * What the lobby shows of a room. {@code slug} is its invite link; {@code privateLink} says that
 * the link is unguessable and the room is not listed in the lobby.
 */
public record RoomSummary(RoomId id, RoomName name, int participantCount, Capacity capacity, boolean locked,
                          RoomSlug slug, boolean privateLink) {
}
