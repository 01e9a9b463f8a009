package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonTypeName;

@JsonTypeName("sdp")
public record SdpEvent(String linkId, SessionDescriptionDto description) implements ServerEvent {
}
