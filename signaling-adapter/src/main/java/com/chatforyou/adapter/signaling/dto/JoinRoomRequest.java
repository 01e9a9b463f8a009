package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Body of /app/room.join; password and media may be omitted (no media means receive-only). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JoinRoomRequest(String roomId, String displayName, String password, SentMediaDto media) {
    public JoinRoomRequest {
        RequiredFields.require(roomId, "roomId");
        RequiredFields.require(displayName, "displayName");
    }
}
