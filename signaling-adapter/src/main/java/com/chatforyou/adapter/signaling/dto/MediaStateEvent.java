package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** {@code mayUnmute} is false while the room's hosts control this participant's microphone. */
@JsonTypeName("media-state")
public record MediaStateEvent(String roomId, String participantId, boolean audioMuted, boolean videoMuted,
                              boolean sharing, boolean mayUnmute)
        implements ServerEvent {
}
