package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Body of /app/room.resume: the seat to take back and the secret from its {@code joined}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResumeSeatRequest(String roomId, String participantId, String resumeToken) {
    public ResumeSeatRequest {
        RequiredFields.require(roomId, "roomId");
        RequiredFields.require(participantId, "participantId");
        RequiredFields.require(resumeToken, "resumeToken");
    }
}
