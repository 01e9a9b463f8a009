package com.chatforyou.adapter.signaling.dto;

public record RaisedHandDto(String participantId, String raisedAt) {
}
