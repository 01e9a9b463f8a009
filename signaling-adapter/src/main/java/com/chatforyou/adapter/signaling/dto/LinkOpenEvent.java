package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** {@code peerId} is null when the other end is the media server; {@code direction} is "send" or "receive". */
@JsonTypeName("link-open")
public record LinkOpenEvent(String linkId, String publisherId, String peerId, String direction, boolean youOffer,
                            boolean polite) implements ServerEvent {
}
