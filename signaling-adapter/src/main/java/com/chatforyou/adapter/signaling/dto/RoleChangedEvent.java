package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** {@code byId} is null when the room handed the role over because the host left. */
@JsonTypeName("role-changed")
public record RoleChangedEvent(String roomId, String participantId, String role, String byId) implements ServerEvent {
}
