package com.chatforyou.domain.service;

import com.chatforyou.domain.port.out.NameSkeletonPort;
import com.chatforyou.domain.port.out.RoomCreationPolicyPort;
import java.util.concurrent.Executor;

/**
 * What keeps a server on the open internet usable under abuse (docs/operations.md, "Running on the
 * internet").
 *
 * @param passwordWorker bounded executor for password hashing; it refuses work when full
 * @param perClient      backoff after wrong passwords from one client address
 * @param perRoom        backoff after wrong passwords for one room, from anyone
 * @param roomQuotas     rooms one client address may create
 * @param creationPolicy who may create rooms
 * @param skeletons      when two names are the same name
 */
public record Safeguards(Executor passwordWorker, AttemptBackoff perClient, AttemptBackoff perRoom,
                         RoomQuotas roomQuotas, RoomCreationPolicyPort creationPolicy, NameSkeletonPort skeletons) {

    /** Hashing on the caller's thread: for tests that drive the domain directly. */
    public static final Safeguards DEFAULTS = new Safeguards(Runnable::run, AttemptBackoff.PER_CLIENT,
            AttemptBackoff.PER_ROOM, RoomQuotas.DEFAULTS, RoomCreationPolicyPort.ANYONE,
            NameSkeletonPort.CASE_INSENSITIVE);

    public Safeguards withPasswordWorker(Executor executor) {
        return new Safeguards(executor, perClient, perRoom, roomQuotas, creationPolicy, skeletons);
    }

    public Safeguards withRoomQuotas(RoomQuotas quotas) {
        return new Safeguards(passwordWorker, perClient, perRoom, quotas, creationPolicy, skeletons);
    }

    public Safeguards withBackoff(AttemptBackoff client, AttemptBackoff room) {
        return new Safeguards(passwordWorker, client, room, roomQuotas, creationPolicy, skeletons);
    }

    public Safeguards withCreationPolicy(RoomCreationPolicyPort policy) {
        return new Safeguards(passwordWorker, perClient, perRoom, roomQuotas, policy, skeletons);
    }

    public Safeguards withSkeletons(NameSkeletonPort names) {
        return new Safeguards(passwordWorker, perClient, perRoom, roomQuotas, creationPolicy, names);
    }
}
