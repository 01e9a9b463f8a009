package com.chatforyou.adapter.signaling.dto;

public record ParticipantDto(String participantId, String displayName, boolean sendsAudio, boolean sendsVideo,
                             boolean audioMuted, boolean videoMuted, boolean sharing) {
}
