package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Body of /app/host.end and /app/hand.raise: the room the caller sits in. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RoomRequest(String roomId) {
    public RoomRequest {
        RequiredFields.require(roomId, "roomId");
    }
}
