package com.chatforyou.domain.model;

public record ChatText(String value) {
    public static final int MAX_LENGTH = 1000;

    public ChatText {
        value = Text.requireUserText(value, MAX_LENGTH, ErrorCode.INVALID_CHAT_MESSAGE, "Chat message");
    }
}
