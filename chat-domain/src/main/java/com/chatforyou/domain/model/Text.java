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
        // Windows line breaks arrive as \r\n; keep one form.
        String value = raw.replace("\r\n", "\n").strip();
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
        if (Character.isISOControl(codePoint)) {
            return codePoint != '\n' && codePoint != '\t';
        }
        // Line separators and bidirectional overrides can make one name look like another.
        return codePoint == 0x2028 || codePoint == 0x2029
                || (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }
}
