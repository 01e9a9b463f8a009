package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonTypeName;

@JsonTypeName("left")
public record LeftEvent(String roomId) implements ServerEvent {
}
