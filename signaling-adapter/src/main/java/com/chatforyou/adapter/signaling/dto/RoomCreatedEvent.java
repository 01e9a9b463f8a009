package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonTypeName;

@JsonTypeName("room-created")
public record RoomCreatedEvent(RoomDto room) implements ServerEvent {
}
