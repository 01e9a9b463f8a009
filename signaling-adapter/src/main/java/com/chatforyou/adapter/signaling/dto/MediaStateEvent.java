package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonTypeName;

@JsonTypeName("media-state")
public record MediaStateEvent(String roomId, String participantId, boolean audioMuted, boolean videoMuted,
                              boolean sharing)
        implements ServerEvent {
}
