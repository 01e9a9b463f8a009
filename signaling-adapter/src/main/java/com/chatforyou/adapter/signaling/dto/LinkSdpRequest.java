package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Body of /app/link.sdp. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LinkSdpRequest(String linkId, SessionDescriptionDto description) {
    public LinkSdpRequest {
        RequiredFields.require(linkId, "linkId");
        RequiredFields.require(description, "description");
    }
}
