package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Body of /app/host.waiting-room. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WaitingRoomRequest(String roomId, Boolean enabled) {
    public WaitingRoomRequest {
        RequiredFields.require(roomId, "roomId");
        RequiredFields.require(enabled, "enabled");
    }
}
