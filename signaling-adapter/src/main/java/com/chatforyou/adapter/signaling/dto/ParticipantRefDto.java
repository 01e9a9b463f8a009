package com.chatforyou.adapter.signaling.dto;

/** Who did something, as the one it was done to sees them. */
public record ParticipantRefDto(String participantId, String displayName) {
}
