package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Body of /app/media.state. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MediaStateRequest(Boolean audioMuted, Boolean videoMuted) {
    public MediaStateRequest {
        RequiredFields.require(audioMuted, "audioMuted");
        RequiredFields.require(videoMuted, "videoMuted");
    }
}
