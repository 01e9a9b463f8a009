package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Body of /app/media.state; {@code sharing} may be left out and then means false. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MediaStateRequest(Boolean audioMuted, Boolean videoMuted, Boolean sharing) {
    public MediaStateRequest {
        sharing = Boolean.TRUE.equals(sharing);
        RequiredFields.require(audioMuted, "audioMuted");
        RequiredFields.require(videoMuted, "videoMuted");
    }
}
