package com.chatforyou.adapter.signaling.dto;

/** A newcomer in the waiting room, as hosts see them. */
public record KnockDto(String knockId, String displayName, String knockedAt) {
}
