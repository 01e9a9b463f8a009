package com.chatforyou.domain.service;

/**
 * What one client address may create: at most {@code roomsPerHour} rooms in any hour, and at most
 * {@code unjoinedRooms} rooms that nobody has joined yet at once.
 */
public record RoomQuotas(int roomsPerHour, int unjoinedRooms) {
    /** An office behind one address creating a meeting every two minutes is still fine. */
    public static final RoomQuotas DEFAULTS = new RoomQuotas(30, 3);

    public RoomQuotas {
        if (roomsPerHour < 1 || unjoinedRooms < 1) {
            throw new IllegalArgumentException("room quotas must be at least 1");
        }
    }
}
