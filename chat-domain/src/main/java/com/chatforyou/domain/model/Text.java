package com.chatforyou.domain.model;

/** Shared checks for user-typed text. */
final class Text {

    private Text() {
    }

    /** Strips surrounding white space and refuses blank, over-long or control-character input. */
    static String requireUserText(String raw, int maxLength, ErrorCode code, String what) {
        if (raw == null || raw.isBlank()) {
            throw new ChatException(code, what + " must not be empty");
        }
        String value = raw.strip();
        if (value.codePointCount(0, value.length()) > maxLength) {
            throw new ChatException(code, what + " must be at most " + maxLength + " characters");
        }
        if (value.codePoints().anyMatch(Text::isForbiddenControl)) {
            throw new ChatException(code, what + " must not contain control characters");
        }
        return value;
    }

    private static boolean isForbiddenControl(int codePoint) {
        // Chat may contain line breaks and tabs; nothing else from the control range.
        return Character.isISOControl(codePoint) && codePoint != '\n' && codePoint != '\t';
    }
}
