package com.chatforyou.domain.model;

import java.util.Objects;

public record RoomId(String value) {
    public RoomId {
        Objects.requireNonNull(value, "room id");
    }

    @Override
    public String toString() {
        return value;
    }
}
