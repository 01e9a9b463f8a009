package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The browser's RTCIceCandidateInit, in both directions. Extra fields such as usernameFragment,
 * which {@code candidate.toJSON()} includes, are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record IceCandidateDto(String candidate, String sdpMid, Integer sdpMLineIndex) {
}
