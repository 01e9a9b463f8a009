package com.chatforyou.domain.service;

import com.chatforyou.domain.model.ChatException;
import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.Room;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.port.out.RoomStorePort;
import java.util.function.BiConsumer;

/**
 * Runs a participant's request in the room they sit in, holding its lock. A request naming another
 * room is refused with {@code not-in-room}, never carried out there: whatever a host may do stays in
 * the host's own room.
 */
final class Callers {

    private final RoomStorePort store;
    private final Seats seats;

    Callers(RoomStorePort store, Seats seats) {
        this.store = store;
        this.seats = seats;
    }

    void inTheirRoom(ConnectionId connection, RoomId room, BiConsumer<Room, ParticipantId> work) {
        Seat seat = seatIn(connection, room);
        if (!store.inRoom(seat.room(), locked -> work.accept(locked, seat.participant()))) {
            throw Refusals.noSuchRoom();
        }
    }

    Seat seatIn(ConnectionId connection, RoomId room) {
        return seats.of(connection)
                .filter(held -> held.room().equals(room))
                .orElseThrow(() -> new ChatException(ErrorCode.NOT_IN_ROOM, "You are not in that room"));
    }
}
