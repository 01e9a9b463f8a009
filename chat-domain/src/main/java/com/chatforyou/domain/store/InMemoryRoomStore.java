package com.chatforyou.domain.store;

import com.chatforyou.domain.model.Room;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.port.out.RoomStorePort;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/** Rooms in this server's memory; each room object is its own lock. */
public final class InMemoryRoomStore implements RoomStorePort {

    private final Map<RoomId, Room> rooms = new ConcurrentHashMap<>();

    @Override
    public void add(Room room) {
        if (rooms.putIfAbsent(room.id(), room) != null) {
            throw new IllegalStateException("room " + room.id() + " already stored");
        }
    }

    @Override
    public Optional<Room> find(RoomId room) {
        return room == null ? Optional.empty() : Optional.ofNullable(rooms.get(room));
    }

    @Override
    public List<Room> rooms() {
        return List.copyOf(rooms.values());
    }

    @Override
    public int count() {
        return rooms.size();
    }

    @Override
    public boolean inRoom(RoomId room, Consumer<Room> work) {
        return fromRoom(room, locked -> {
            work.accept(locked);
            return Boolean.TRUE;
        }).isPresent();
    }

    @Override
    public <T> Optional<T> fromRoom(RoomId room, Function<Room, T> work) {
        Optional<Room> found = find(room);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Room locked = found.get();
        synchronized (locked) {
            // Removed while this thread waited for the lock: it is gone for this work too.
            if (rooms.get(locked.id()) != locked) {
                return Optional.empty();
            }
            return Optional.ofNullable(work.apply(locked));
        }
    }

    @Override
    public void forEachRoom(Consumer<Room> work) {
        for (Room room : rooms()) {
            inRoom(room.id(), work);
        }
    }

    @Override
    public void remove(RoomId room) {
        rooms.remove(room);
    }
}
