package com.chatforyou.domain.port.out;

import com.chatforyou.domain.model.Room;
import com.chatforyou.domain.model.RoomId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Where rooms live, and the lock that serialises each room's use cases. The domain changes a room only
 * inside {@link #inRoom}, {@link #fromRoom} or {@link #forEachRoom}, and calls the {@link MediaPort} for a
 * room only from there, so calls for one room never overlap while rooms never wait for each other.
 * Work never sees a room that was removed. The lock is reentrant: work may enter another room's lock,
 * or its own again. An unknown or null id finds nothing.
 *
 * <p>In memory by default: a call is a live session and ends with the server. A cluster mode keeps rooms
 * in a shared store behind this port, with the lock across servers.
 */
public interface RoomStorePort {

    /** Stores a new room. The lobby checks its rules (room limit, unique names) before, one creation at a time. */
    void add(Room room);

    /**
     * The room for what never changes once it exists (id, name, creation time, creator) and its policy,
     * which a host may replace whole (a new password) and which is read unlocked only for the slow
     * password check. Change it only by locking it.
     */
    Optional<Room> find(RoomId room);

    /** Every room now, for what never changes once it exists. */
    List<Room> rooms();

    int count();

    /** Runs {@code work} holding the room's lock; false when there is no such room. */
    boolean inRoom(RoomId room, Consumer<Room> work);

    /** Like {@link #inRoom}, and returns what {@code work} returned; empty when there is no such room (or it returned null). */
    <T> Optional<T> fromRoom(RoomId room, Function<Room, T> work);

    /** Runs {@code work} for each room, one at a time, each holding that room's lock. */
    void forEachRoom(Consumer<Room> work);

    /** Removes the room; called holding its lock. */
    void remove(RoomId room);
}
