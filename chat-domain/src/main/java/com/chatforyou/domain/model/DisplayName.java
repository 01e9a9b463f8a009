package com.chatforyou.domain.model;

public record DisplayName(String value) {
    public static final int MAX_LENGTH = 32;

    public DisplayName {
        value = Text.requireUserText(value, MAX_LENGTH, ErrorCode.INVALID_DISPLAY_NAME, "Display name");
        if (value.contains("\n") || value.contains("\t")) {
            throw new ChatException(ErrorCode.INVALID_DISPLAY_NAME, "Display name must be a single line");
        }
    }

    /** Names are unique per room regardless of case, so "Ann" and "ann" cannot be confused. */
    public boolean sameAs(DisplayName other) {
        return value.equalsIgnoreCase(other.value);
    }
}
