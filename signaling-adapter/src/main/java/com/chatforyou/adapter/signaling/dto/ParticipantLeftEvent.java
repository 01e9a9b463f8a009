package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** {@code reason} is "left" or "disconnected". */
@JsonTypeName("participant-left")
public record ParticipantLeftEvent(String roomId, String participantId, String reason) implements ServerEvent {
}
