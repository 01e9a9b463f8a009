package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Body of /app/host.stop-media; {@code kind} is camera or screen. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StopMediaRequest(String roomId, String participantId, String kind) {
    public StopMediaRequest {
        RequiredFields.require(roomId, "roomId");
        RequiredFields.require(participantId, "participantId");
        RequiredFields.require(kind, "kind");
    }
}
