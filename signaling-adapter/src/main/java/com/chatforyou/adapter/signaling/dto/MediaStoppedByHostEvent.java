package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** To the participant whose camera or screen share a host stopped; {@code kind} is camera or screen. */
@JsonTypeName("media-stopped-by-host")
public record MediaStoppedByHostEvent(String roomId, String kind, ParticipantRefDto by) implements ServerEvent {
}
