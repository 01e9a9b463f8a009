package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** What the hosts set changed; {@code byId} is the host who changed it. */
@JsonTypeName("room-settings")
public record RoomSettingsEvent(String roomId, RoomSettingsDto settings, String byId) implements ServerEvent {
}
