package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** To the participant a host asks to unmute; they decide. */
@JsonTypeName("unmute-requested")
public record UnmuteRequestedEvent(String roomId, ParticipantRefDto by) implements ServerEvent {
}
