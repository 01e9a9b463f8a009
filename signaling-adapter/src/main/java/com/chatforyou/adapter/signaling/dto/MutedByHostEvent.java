package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** To the muted participant: which host did it, and whether they may unmute themselves. */
@JsonTypeName("muted-by-host")
public record MutedByHostEvent(String roomId, ParticipantRefDto by, boolean mayUnmute) implements ServerEvent {
}
