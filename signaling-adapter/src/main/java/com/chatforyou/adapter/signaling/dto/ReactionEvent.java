package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonTypeName;

@JsonTypeName("reaction")
public record ReactionEvent(String roomId, String participantId, String emoji) implements ServerEvent {
}
