package com.chatforyou.adapter.signaling.dto;

/** A room as the lobby shows it; {@code participants} is a count. */
public record RoomDto(String roomId, String name, int participants, int capacity, boolean locked) {
}
