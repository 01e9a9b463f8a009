package com.chatforyou.domain.service;

import java.time.Duration;

/**
 * Server-wide room limits.
 *
 * @param maxRooms              rooms that may exist at once
 * @param abandonedRoomTimeout  how long a created room may stay empty before it is removed
 */
public record RoomSettings(int maxRooms, Duration abandonedRoomTimeout) {
    public static final RoomSettings DEFAULTS = new RoomSettings(100, Duration.ofSeconds(60));

    public RoomSettings {
        if (maxRooms < 1 || abandonedRoomTimeout.isNegative()) {
            throw new IllegalArgumentException("maxRooms >= 1 and a non-negative timeout required");
        }
    }
}
