package com.chatforyou.domain.model;

public record RoomName(String value) {
    public static final int MAX_LENGTH = 48;

    public RoomName {
        value = Text.requireUserText(value, MAX_LENGTH, ErrorCode.INVALID_ROOM_NAME, "Room name");
    }

    public boolean sameAs(RoomName other) {
        return value.equalsIgnoreCase(other.value);
    }
}
