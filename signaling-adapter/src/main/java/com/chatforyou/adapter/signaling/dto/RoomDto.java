package com.chatforyou.adapter.signaling.dto;

/**
 * A room as the lobby shows it; {@code participants} is a count. {@code passwordRequired} asks for the
 * password, {@code locked} takes nobody new, {@code waitingRoom} means a host admits newcomers.
 */
public record RoomDto(String roomId, String name, int participants, int capacity, boolean passwordRequired,
                      boolean locked, boolean waitingRoom) {
}
