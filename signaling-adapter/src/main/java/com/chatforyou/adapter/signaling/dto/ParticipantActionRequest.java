package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Body of /app/host.mute, /app/host.ask-unmute and /app/host.remove. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParticipantActionRequest(String roomId, String participantId) {
    public ParticipantActionRequest {
        RequiredFields.require(roomId, "roomId");
        RequiredFields.require(participantId, "participantId");
    }
}
