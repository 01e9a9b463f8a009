package com.chatforyou.domain.service;

import com.chatforyou.domain.model.ChatException;
import com.chatforyou.domain.model.ClientAddress;
import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.port.out.RoomStorePort;
import com.chatforyou.domain.port.out.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The per-address room quotas ({@link RoomQuotas}): rooms created in the last hour, counted when a
 * creation succeeds, and rooms of that address that nobody has joined yet, counted in the store.
 */
final class RoomCreations {
    private static final Duration WINDOW = Duration.ofHours(1);

    private final RoomQuotas quotas;
    private final RoomStorePort store;
    private final TimeSource clock;
    /** Creation times in the last hour, oldest first; guarded by itself. */
    private final Map<ClientAddress, Deque<Instant>> createdAt = new HashMap<>();

    RoomCreations(RoomQuotas quotas, RoomStorePort store, TimeSource clock) {
        this.quotas = quotas;
        this.store = store;
        this.clock = clock;
    }

    void refuseOverQuota(ClientAddress client) {
        int lastHour;
        synchronized (createdAt) {
            Deque<Instant> times = createdAt.get(client);
            lastHour = times == null ? 0 : trim(times, clock.now());
        }
        if (lastHour >= quotas.roomsPerHour()) {
            throw new ChatException(ErrorCode.TOO_MANY_ROOMS_CREATED, "Your network address created "
                    + quotas.roomsPerHour() + " rooms in the last hour; try again later");
        }
        long unjoined = store.rooms().stream()
                .filter(room -> room.creator().address().equals(client) && room.neverJoined() && !room.isClosed())
                .count();
        if (unjoined >= quotas.unjoinedRooms()) {
            throw new ChatException(ErrorCode.TOO_MANY_UNJOINED_ROOMS, "Your network address already has "
                    + unjoined + " rooms nobody has joined; join one or wait until they expire");
        }
    }

    void created(ClientAddress client) {
        synchronized (createdAt) {
            createdAt.computeIfAbsent(client, key -> new ArrayDeque<>()).addLast(clock.now());
        }
    }

    /** Forgets addresses that created nothing in the last hour. */
    void forgetQuietAddresses() {
        Instant now = clock.now();
        synchronized (createdAt) {
            createdAt.values().removeIf(times -> trim(times, now) == 0);
        }
    }

    int trackedAddresses() {
        synchronized (createdAt) {
            return createdAt.size();
        }
    }

    /** Drops creations older than the window; returns how many are left. Under the lock. */
    private static int trim(Deque<Instant> times, Instant now) {
        Instant windowStart = now.minus(WINDOW);
        while (!times.isEmpty() && !times.peekFirst().isAfter(windowStart)) {
            times.pollFirst();
        }
        return times.size();
    }
}
