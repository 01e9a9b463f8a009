package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Body of /app/host.microphones: whether the hosts control everyone else's microphone. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MicrophonesRequest(String roomId, Boolean hostsControl) {
    public MicrophonesRequest {
        RequiredFields.require(roomId, "roomId");
        RequiredFields.require(hostsControl, "hostsControl");
    }
}
