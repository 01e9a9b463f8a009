package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Body of /app/hand.lower; without {@code participantId}, one's own hand. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LowerHandRequest(String roomId, String participantId) {
    public LowerHandRequest {
        RequiredFields.require(roomId, "roomId");
    }
}
