package com.chatforyou.domain.service;

import java.time.Duration;

/**
 * Server-wide room limits.
 *
 * @param maxRooms              rooms that may exist at once
 * @param abandonedRoomTimeout  how long a created room may stay empty before it is removed
 * @param reconnectGrace        how long the seat of a lost connection is kept for a resume; zero releases
 *                              it at once
 * @param maxParticipants       seats that may be taken on the whole server at once, counting seats kept
 *                              for a reconnect
 * @param reloadGrace           how long the seat of a page that went away (closed or reloading) is kept
 *                              for a resume, at most the reconnect grace; zero leaves at once
 */
public record RoomSettings(int maxRooms, Duration abandonedRoomTimeout, Duration reconnectGrace, int maxParticipants,
                           Duration reloadGrace) {
    public static final Duration DEFAULT_RECONNECT_GRACE = Duration.ofSeconds(20);
    public static final Duration DEFAULT_RELOAD_GRACE = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_PARTICIPANTS = 1000;
    public static final RoomSettings DEFAULTS = new RoomSettings(100, Duration.ofSeconds(60), DEFAULT_RECONNECT_GRACE,
            DEFAULT_MAX_PARTICIPANTS);

    public RoomSettings {
        if (maxRooms < 1 || maxParticipants < 1 || abandonedRoomTimeout.isNegative() || reconnectGrace.isNegative()
                || reloadGrace.isNegative()) {
            throw new IllegalArgumentException("maxRooms >= 1, maxParticipants >= 1 and non-negative durations required");
        }
        if (reloadGrace.compareTo(reconnectGrace) > 0) {
            reloadGrace = reconnectGrace;
        }
    }

    /** With the default reload grace (bounded by the reconnect grace). */
    public RoomSettings(int maxRooms, Duration abandonedRoomTimeout, Duration reconnectGrace, int maxParticipants) {
        this(maxRooms, abandonedRoomTimeout, reconnectGrace, maxParticipants, DEFAULT_RELOAD_GRACE);
    }

    /** Without a reconnect grace: a lost connection leaves at once. */
    public RoomSettings(int maxRooms, Duration abandonedRoomTimeout) {
        this(maxRooms, abandonedRoomTimeout, Duration.ZERO, DEFAULT_MAX_PARTICIPANTS);
    }

    public RoomSettings withMaxParticipants(int limit) {
        return new RoomSettings(maxRooms, abandonedRoomTimeout, reconnectGrace, limit, reloadGrace);
    }
}
