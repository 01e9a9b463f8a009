package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Body of /app/host.lock. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LockRequest(String roomId, Boolean locked) {
    public LockRequest {
        RequiredFields.require(roomId, "roomId");
        RequiredFields.require(locked, "locked");
    }
}
