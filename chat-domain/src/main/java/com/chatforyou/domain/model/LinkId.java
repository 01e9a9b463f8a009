package com.chatforyou.domain.model;

import java.util.Objects;

public record LinkId(String value) {
    public LinkId {
        Objects.requireNonNull(value, "link id");
    }

    @Override
    public String toString() {
        return value;
    }
}
