package com.chatforyou.adapter.turn;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What browsers are given for ICE: {@code chatforyou.turn.mode}. */
public enum TurnMode {
    /** Nothing: host candidates only, enough on one network. */
    NONE,
    /** STUN servers only, for browsers behind NATs that let peers through. */
    STUN,
    /** The original app's fixed TURN user and password, shared by every browser. */
    STATIC,
    /** Per-participant TURN credentials that expire, checked by the TURN server with a shared secret. */
    REST;

    /** The property's value; empty when it is not set, so the mode is inferred. */
    public static Optional<TurnMode> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String wanted = value.strip().toUpperCase(Locale.ROOT);
        for (TurnMode mode : values()) {
            if (mode.name().equals(wanted)) {
                return Optional.of(mode);
            }
        }
        throw new IllegalArgumentException("chatforyou.turn.mode=" + value + " is not a mode; use one of: "
                + Arrays.stream(values()).map(TurnMode::propertyValue).collect(Collectors.joining(", ")));
    }

    public String propertyValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
