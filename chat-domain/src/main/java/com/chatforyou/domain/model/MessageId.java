package com.chatforyou.domain.model;

import java.util.Objects;

public record MessageId(String value) {
    public MessageId {
        Objects.requireNonNull(value, "message id");
    }

    @Override
    public String toString() {
        return value;
    }
}
