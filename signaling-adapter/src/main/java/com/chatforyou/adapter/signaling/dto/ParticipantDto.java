package com.chatforyou.adapter.signaling.dto;

/** {@code role} is host, co-host or participant; {@code mayUnmute} is false while the hosts hold the microphone. */
public record ParticipantDto(String participantId, String displayName, boolean sendsAudio, boolean sendsVideo,
                             boolean audioMuted, boolean videoMuted, boolean sharing, String role, boolean mayUnmute) {
}
