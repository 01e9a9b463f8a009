package com.chatforyou.domain.model;

import java.time.Instant;

public record ChatMessage(
        MessageId id, ParticipantId authorId, DisplayName authorName, ChatText text, Instant sentAt) {
}
