package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Body of /app/link.ice; an empty candidate string marks the end of candidates. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LinkIceRequest(String linkId, IceCandidateDto candidate) {
    public LinkIceRequest {
        RequiredFields.require(linkId, "linkId");
        RequiredFields.require(candidate, "candidate");
    }
}
