package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Body of /app/reaction.send. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReactionRequest(String roomId, String emoji) {
    public ReactionRequest {
        RequiredFields.require(roomId, "roomId");
        RequiredFields.require(emoji, "emoji");
    }
}
