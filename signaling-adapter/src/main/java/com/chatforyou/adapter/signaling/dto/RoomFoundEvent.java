package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** The room an invite link leads to, for the caller only. */
@JsonTypeName("room-found")
public record RoomFoundEvent(RoomDto room) implements ServerEvent {
}
