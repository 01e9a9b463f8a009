package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonTypeName;

@JsonTypeName("participant-joined")
public record ParticipantJoinedEvent(String roomId, ParticipantDto participant) implements ServerEvent {
}
