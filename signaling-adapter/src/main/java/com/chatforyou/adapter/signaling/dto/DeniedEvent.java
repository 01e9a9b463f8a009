package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** To a newcomer in the waiting room: not let in; {@code reason} is host, no-host, room-closed, meeting-ended or room-full. */
@JsonTypeName("denied")
public record DeniedEvent(String roomId, String roomName, String reason) implements ServerEvent {
}
