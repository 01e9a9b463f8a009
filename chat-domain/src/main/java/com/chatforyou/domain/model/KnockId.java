package com.chatforyou.domain.model;

import java.util.Objects;

/** A newcomer waiting in a room's waiting room, as hosts address them to admit or deny. */
public record KnockId(String value) {
    public KnockId {
        Objects.requireNonNull(value, "knock id");
    }

    @Override
    public String toString() {
        return value;
    }
}
