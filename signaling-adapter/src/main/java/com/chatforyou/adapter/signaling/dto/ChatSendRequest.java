package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Body of /app/chat.send. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatSendRequest(String roomId, String text) {
    public ChatSendRequest {
        RequiredFields.require(roomId, "roomId");
        RequiredFields.require(text, "text");
    }
}
