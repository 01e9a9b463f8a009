package com.chatforyou.adapter.turn;

import java.nio.charset.StandardCharsets;

/**
 * The secret shared with the TURN server (coturn's {@code static-auth-secret}). It only ever keys the
 * HMAC; {@link #toString()} hides it so it cannot end up in a log line or an error message.
 */
public final class TurnSecret {
    private final byte[] key;
    private final int length;

    public TurnSecret(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The TURN secret (chatforyou.turn.secret or CHATFORYOU_TURN_SECRET) is empty");
        }
        if (!value.equals(value.strip())) {
            // coturn reads the secret up to the end of its config line; surrounding blanks would never match.
            throw new IllegalArgumentException("The TURN secret starts or ends with whitespace");
        }
        this.key = value.getBytes(StandardCharsets.UTF_8);
        this.length = value.length();
    }

    /** The HMAC key; a copy, so callers cannot change the secret. */
    byte[] key() {
        return key.clone();
    }

    /** Characters in the secret, for the warning about short secrets. */
    public int length() {
        return length;
    }

    @Override
    public String toString() {
        return "TurnSecret[hidden]";
    }
}
