package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** To the removed participant; {@code rejoinAfter} is when they may come back, null at once. */
@JsonTypeName("removed")
public record RemovedEvent(String roomId, ParticipantRefDto by, String rejoinAfter) implements ServerEvent {
}
