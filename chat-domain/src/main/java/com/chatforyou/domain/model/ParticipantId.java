package com.chatforyou.domain.model;

import java.util.Objects;

public record ParticipantId(String value) {
    public ParticipantId {
        Objects.requireNonNull(value, "participant id");
    }

    @Override
    public String toString() {
        return value;
    }
}
