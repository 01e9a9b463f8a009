package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Body of /app/room.join; password, media and clientToken may be omitted (no media means
 * receive-only; the client token is the browser's own, one more key a removal ban applies to).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JoinRoomRequest(String roomId, String displayName, String password, SentMediaDto media,
                              String clientToken) {
    @JsonCreator
    public JoinRoomRequest {
        RequiredFields.require(roomId, "roomId");
        RequiredFields.require(displayName, "displayName");
    }

    public JoinRoomRequest(String roomId, String displayName, String password, SentMediaDto media) {
        this(roomId, displayName, password, media, null);
    }
}
