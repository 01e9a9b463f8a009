package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonTypeName;

@JsonTypeName("chat")
public record ChatEvent(String roomId, ChatMessageDto message) implements ServerEvent {
}
