package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The browser's RTCSessionDescriptionInit, in both directions; the type is checked when mapped. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SessionDescriptionDto(String type, String sdp) {
}
