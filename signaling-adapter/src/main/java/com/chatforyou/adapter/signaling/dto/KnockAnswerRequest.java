package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Body of /app/host.admit and /app/host.deny. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record KnockAnswerRequest(String roomId, String knockId) {
    public KnockAnswerRequest {
        RequiredFields.require(roomId, "roomId");
        RequiredFields.require(knockId, "knockId");
    }
}
