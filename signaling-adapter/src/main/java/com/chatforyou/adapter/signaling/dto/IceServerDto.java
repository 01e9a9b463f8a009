package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One RTCIceServer; STUN entries carry null username and credential, which browsers accept. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record IceServerDto(List<String> urls, String username, String credential) {
}
