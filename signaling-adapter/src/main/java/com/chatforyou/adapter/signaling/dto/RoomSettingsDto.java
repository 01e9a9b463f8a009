package com.chatforyou.adapter.signaling.dto;

/** What the room's hosts set, as everyone in the room sees it. */
public record RoomSettingsDto(boolean locked, boolean passwordRequired, boolean waitingRoom,
                              boolean hostsControlMicrophones) {
}
