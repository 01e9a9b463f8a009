package com.chatforyou.adapter.signaling.dto;

/**
 * A room as the lobby shows it; {@code participants} is a count. {@code slug} is its invite link,
 * {@code /r/<slug>}; {@code privateLink} says the link is unguessable and the room is not listed.
 */
public record RoomDto(String roomId, String name, int participants, int capacity, boolean locked, String slug,
                      boolean privateLink) {
}
