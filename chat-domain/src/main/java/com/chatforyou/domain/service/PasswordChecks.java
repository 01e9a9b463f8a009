package com.chatforyou.domain.service;

import com.chatforyou.domain.model.ClientAddress;
import com.chatforyou.domain.model.PasswordHash;
import com.chatforyou.domain.model.Room;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.model.RoomPolicy;
import com.chatforyou.domain.port.out.TimeSource;
import java.util.concurrent.CompletableFuture;

/**
 * The password rules for a server on the open internet: every hash runs on the bounded
 * {@link PasswordWorker}, and wrong passwords back off per client address and per room
 * ({@link AttemptBackoff}); a right one resets both. A closed key is refused without hashing.
 */
final class PasswordChecks {

    private final PasswordWorker worker;
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
    CompletableFuture<Void> check(Room room, ClientAddress client, String offered) {
        byClient.refuseWhileClosed(client);
        byRoom.refuseWhileClosed(room.id());
        RoomPolicy policy = room.policy();
        return worker.run(() -> policy.passwordMatches(offered)).thenAccept(matches -> {
            if (!matches) {
                byClient.failed(client);
                byRoom.failed(room.id());
                throw RoomPolicy.wrongPassword();
            }
            byClient.succeeded(client);
            byRoom.succeeded(room.id());
        });
    }

    /** Hashes a new room's password on the worker. */
    CompletableFuture<PasswordHash> hash(String plain) {
        PasswordHash.requireValid(plain);
        return worker.run(() -> PasswordHash.of(plain));
    }

    void forgetQuietKeys() {
        byClient.forgetQuietKeys();
        byRoom.forgetQuietKeys();
    }
}
