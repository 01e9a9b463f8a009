package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Body of /app/host.password; a null or empty password clears it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PasswordRequest(String roomId, String password) {
    public PasswordRequest {
        RequiredFields.require(roomId, "roomId");
    }

    @Override
    public String toString() {
        return "PasswordRequest[roomId=" + roomId + ", password=hidden]";
    }
}
