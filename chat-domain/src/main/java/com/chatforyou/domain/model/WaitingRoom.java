package com.chatforyou.domain.model;

import com.chatforyou.domain.port.out.NameSkeletonPort;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A room's waiting room: whether newcomers knock, and who is waiting, in the order they knocked. */
final class WaitingRoom {
    /** Enough for a class arriving at once; beyond it the room reads as full. */
    static final int MAX_WAITING = 50;

    private final NameSkeletonPort skeletons;
    private boolean enabled;
    private final Map<KnockId, Knock> waiting = new LinkedHashMap<>();

    WaitingRoom(NameSkeletonPort skeletons) {
        this.skeletons = skeletons;
    }

    boolean enabled() {
        return enabled;
    }

    /** Returns who was waiting when it is turned off: they are let in. */
    List<Knock> setEnabled(boolean on) {
        enabled = on;
        if (on) {
            return List.of();
        }
        List<Knock> admitted = waitingNow();
        waiting.clear();
        return admitted;
    }

    void add(Knock knock) {
        if (waiting.size() >= MAX_WAITING) {
            throw new ChatException(ErrorCode.ROOM_FULL, "Too many people are waiting to get in; try again later");
        }
        waiting.put(knock.id(), knock);
    }

    Optional<Knock> take(KnockId id) {
        return Optional.ofNullable(waiting.remove(id));
    }

    Optional<Knock> byConnection(ConnectionId connection) {
        return waiting.values().stream().filter(k -> k.newcomer().connection().equals(connection)).findFirst();
    }

    boolean isNameWaiting(DisplayName name) {
        return waiting.values().stream().anyMatch(k -> k.newcomer().displayName().sameAs(name, skeletons));
    }

    List<Knock> waitingNow() {
        return List.copyOf(waiting.values());
    }

    /** Everyone waiting leaves the waiting room, as when the room closes. */
    List<Knock> clear() {
        List<Knock> all = waitingNow();
        waiting.clear();
        return all;
    }
}
