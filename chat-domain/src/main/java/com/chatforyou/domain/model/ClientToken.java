package com.chatforyou.domain.model;

import java.util.regex.Pattern;

/**
 * A random token a browser keeps across visits (the web client stores it in localStorage) and sends
 * with its joins. It is no identity, only one more key a removal ban applies to.
 */
public record ClientToken(String value) {
    public static final int MAX_LENGTH = 64;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{8," + MAX_LENGTH + "}");

    public ClientToken {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new ChatException(ErrorCode.MALFORMED_MESSAGE,
                    "clientToken must be 8 to " + MAX_LENGTH + " letters, digits, '-' or '_'");
        }
    }
}
