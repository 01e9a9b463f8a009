package com.chatforyou.adapter.signaling.dto;

/**
 * A room as the lobby shows it; {@code participants} is a count. {@code passwordRequired} asks for the
 * password, {@code locked} takes nobody new, {@code waitingRoom} means a host admits newcomers.
 * {@code slug} is its invite link, {@code /r/<slug>}; {@code privateLink} says the link is unguessable
 * and the room is not listed.
 */
public record RoomDto(String roomId, String name, int participants, int capacity, boolean passwordRequired,
                      boolean locked, boolean waitingRoom, String slug, boolean privateLink) {
}
