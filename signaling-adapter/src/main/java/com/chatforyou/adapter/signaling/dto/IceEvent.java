package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonTypeName;

@JsonTypeName("ice")
public record IceEvent(String linkId, IceCandidateDto candidate) implements ServerEvent {
}
