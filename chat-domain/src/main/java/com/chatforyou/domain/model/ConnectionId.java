package com.chatforyou.domain.model;

import java.util.Objects;

/** Opaque address of the transport connection a participant is reachable on; it changes on reconnect. */
public record ConnectionId(String value) {
    public ConnectionId {
        Objects.requireNonNull(value, "connection id");
    }

    @Override
    public String toString() {
        return value;
    }
}
