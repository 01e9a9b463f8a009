package com.chatforyou.adapter.signaling.dto;

/** {@code sentAt} is an ISO-8601 instant such as 2026-11-28T10:15:30Z. */
public record ChatMessageDto(String messageId, String authorId, String authorName, String text, String sentAt) {
}
