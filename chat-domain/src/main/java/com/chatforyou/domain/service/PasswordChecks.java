package com.chatforyou.domain.service;

import com.chatforyou.domain.model.ClientAddress;
import com.chatforyou.domain.model.PasswordHash;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.model.RoomPolicy;
import com.chatforyou.domain.port.out.TimeSource;
import java.util.concurrent.CompletableFuture;

/**
 * The password rules for a server on the open internet: every hash runs on the bounded
 * {@link PasswordWorker}, with at most {@value #IN_FLIGHT_PER_ROOM} checks in flight per room and
 * {@value #IN_FLIGHT_PER_CLIENT} per client address, and wrong passwords back off per client address and
 * per room ({@link AttemptBackoff}); a right one resets both. A closed key is refused without hashing.
 */
final class PasswordChecks {
    /**
     * Checks that may wait or run at once for one room, and for one client address. A guesser aiming at
     * one room then holds at most this many of the worker's places, and joins to other rooms find one.
     */
    static final int IN_FLIGHT_PER_ROOM = 2;
    static final int IN_FLIGHT_PER_CLIENT = 2;

    private final PasswordWorker worker;
    private final InFlight<RoomId> roomsInFlight = new InFlight<>(IN_FLIGHT_PER_ROOM,
            "This room is busy checking other passwords; try again in a moment");
    private final InFlight<ClientAddress> clientsInFlight = new InFlight<>(IN_FLIGHT_PER_CLIENT,
            "Your earlier passwords are still being checked; try again in a moment");
    private final FailedAttempts<ClientAddress> byClient;
    private final FailedAttempts<RoomId> byRoom;

    PasswordChecks(Safeguards safeguards, TimeSource clock) {
        this.worker = new PasswordWorker(safeguards.passwordWorker());
        this.byClient = new FailedAttempts<>(safeguards.perClient(), clock,
                "Too many wrong passwords from your network address");
        this.byRoom = new FailedAttempts<>(safeguards.perRoom(), clock,
                "Too many wrong passwords for this room");
    }

    /** Completes when the password is right; fails with {@code wrong-password} when not. */
    CompletableFuture<Void> check(RoomId room, RoomPolicy policy, ClientAddress client, String offered) {
        byClient.refuseWhileClosed(client);
        byRoom.refuseWhileClosed(room);
        roomsInFlight.enter(room);
        try {
            clientsInFlight.enter(client);
        } catch (RuntimeException refused) {
            roomsInFlight.leave(room);
            throw refused;
        }
        CompletableFuture<Boolean> checked;
        try {
            checked = worker.run(() -> policy.passwordMatches(offered));
        } catch (RuntimeException refused) {
            roomsInFlight.leave(room);
            clientsInFlight.leave(client);
            throw refused;
        }
        return checked.whenComplete((matches, failure) -> {
            roomsInFlight.leave(room);
            clientsInFlight.leave(client);
        }).thenAccept(matches -> {
            if (!matches) {
                byClient.failed(client);
                byRoom.failed(room);
                throw RoomPolicy.wrongPassword();
            }
            byClient.succeeded(client);
            byRoom.succeeded(room);
        });
    }

    /** Hashes a new room's password on the worker. */
    CompletableFuture<PasswordHash> hash(String plain) {
        PasswordHash.requireValid(plain);
        return worker.run(() -> PasswordHash.of(plain));
    }

    /** Counts checks in flight per key; refuses one more than the limit at once. */
    private static final class InFlight<K> {
        private final int limit;
        private final String refusal;
        private final java.util.Map<K, Integer> counts = new java.util.concurrent.ConcurrentHashMap<>();

        InFlight(int limit, String refusal) {
            this.limit = limit;
            this.refusal = refusal;
        }

        void enter(K key) {
            boolean[] admitted = {false};
            counts.compute(key, (k, count) -> {
                int current = count == null ? 0 : count;
                if (current >= limit) {
                    return count;
                }
                admitted[0] = true;
                return current + 1;
            });
            if (!admitted[0]) {
                throw new com.chatforyou.domain.model.ChatException(
                        com.chatforyou.domain.model.ErrorCode.PASSWORD_CHECKS_BUSY, refusal);
            }
        }

        void leave(K key) {
            counts.computeIfPresent(key, (k, count) -> count <= 1 ? null : count - 1);
        }
    }

    void forgetQuietKeys() {
        byClient.forgetQuietKeys();
        byRoom.forgetQuietKeys();
    }
}
