package com.chatforyou.domain.service;

import com.chatforyou.domain.model.ChatException;
import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.LeaveReason;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.RoomId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every seat on the server by the connection that holds it, the seats whose connection was lost and
 * that wait for a resume, and the connections waiting in a room's waiting room. Owns the server-wide
 * seat rules: one seat (or one knock) per connection, and no more seats than the server allows,
 * counting those kept for a reconnect.
 */
final class Seats {

    /** A seat whose connection was lost (or whose page went away), kept for a resume until the deadline. */
    record Suspension(ConnectionId connection, Seat seat, Instant deadline, LeaveReason reasonWhenOver) {
        boolean isOverAt(Instant now) {
            return !now.isBefore(deadline);
        }
    }

    /** A seat and the connection that holds it now. */
    record Held(ConnectionId connection, Seat seat) {
    }

    private final int maxParticipants;
    private final Map<ConnectionId, Seat> byConnection = new ConcurrentHashMap<>();
    private final Map<ParticipantId, Suspension> suspended = new ConcurrentHashMap<>();
    /** Connections waiting to be admitted, by the room they knocked at. */
    private final Map<ConnectionId, RoomId> knocking = new ConcurrentHashMap<>();
    /** Joins into different rooms hold different locks, so counting and claiming a seat are one step. */
    private final Object claimLock = new Object();

    Seats(int maxParticipants) {
        this.maxParticipants = maxParticipants;
    }

    Optional<Seat> of(ConnectionId connection) {
        return Optional.ofNullable(byConnection.get(connection));
    }

    /** The rule "one seat per connection", checked before any work for a join or a resume; a knock counts. */
    void refuseSecondSeat(ConnectionId connection) {
        if (byConnection.containsKey(connection) || knocking.containsKey(connection)) {
            throw alreadyInRoom();
        }
    }

    /** Takes a seat for the connection, within the server's seat limit and one seat per connection. */
    void claim(ConnectionId connection, Seat seat) {
        synchronized (claimLock) {
            if (byConnection.size() >= maxParticipants) {
                throw new ChatException(ErrorCode.SERVER_FULL,
                        "This server already has " + maxParticipants + " participants");
            }
            if (knocking.containsKey(connection) || byConnection.putIfAbsent(connection, seat) != null) {
                throw alreadyInRoom();
            }
        }
    }

    /** The connection waits in the room's waiting room: it takes no seat, but no other seat or knock either. */
    void claimKnock(ConnectionId connection, RoomId room) {
        synchronized (claimLock) {
            if (byConnection.containsKey(connection) || knocking.putIfAbsent(connection, room) != null) {
                throw alreadyInRoom();
            }
        }
    }

    Optional<RoomId> knockOf(ConnectionId connection) {
        return Optional.ofNullable(knocking.get(connection));
    }

    void releaseKnock(ConnectionId connection) {
        knocking.remove(connection);
    }

    /** Frees the seat if the connection still holds it, with any resume it waited for; false when it did not. */
    boolean release(ConnectionId connection, Seat seat) {
        if (!byConnection.remove(connection, seat)) {
            return false;
        }
        suspended.remove(seat.participant());
        return true;
    }

    /** Frees every seat in the room, also those waiting for a reconnect, and every knock at it. */
    void releaseAllIn(RoomId room) {
        byConnection.values().removeIf(seat -> seat.room().equals(room));
        knocking.values().removeIf(room::equals);
        suspended.values().removeIf(suspension -> suspension.seat().room().equals(room));
    }

    /**
     * Keeps the seat for a resume until the deadline, unless the connection no longer holds it. A seat
     * already waiting on this connection keeps its wait: the socket of a page that said it goes closes
     * right after, and must not stretch the reload grace to the reconnect grace.
     */
    void suspend(ConnectionId connection, Seat seat, Instant deadline, LeaveReason reasonWhenOver) {
        Suspension already = suspended.get(seat.participant());
        if (byConnection.get(connection) == seat && (already == null || !already.connection().equals(connection))) {
            suspended.put(seat.participant(), new Suspension(connection, seat, deadline, reasonWhenOver));
        }
    }

    Optional<Held> heldIn(RoomId room, ParticipantId participant) {
        Held held = null;
        for (Map.Entry<ConnectionId, Seat> entry : byConnection.entrySet()) {
            Seat seat = entry.getValue();
            if (seat.room().equals(room) && seat.participant().equals(participant)) {
                held = new Held(entry.getKey(), seat);
            }
        }
        return Optional.ofNullable(held);
    }

    /** Whether the seat was kept for a reconnect that did not come in time. */
    boolean graceIsOver(ParticipantId participant, Instant now) {
        Suspension suspension = suspended.get(participant);
        return suspension != null && suspension.isOverAt(now);
    }

    /** Hands a held seat to a new connection, which must not hold one already; it no longer waits for a resume. */
    void move(Held held, ConnectionId to) {
        if (byConnection.putIfAbsent(to, held.seat()) != null) {
            throw alreadyInRoom();
        }
        byConnection.remove(held.connection(), held.seat());
        suspended.remove(held.seat().participant());
    }

    List<Suspension> overAt(Instant now) {
        return suspended.values().stream().filter(suspension -> suspension.isOverAt(now)).toList();
    }

    void forget(Suspension suspension) {
        suspended.remove(suspension.seat().participant(), suspension);
    }

    int taken() {
        return byConnection.size();
    }

    int awaitingReconnect() {
        return suspended.size();
    }

    private static ChatException alreadyInRoom() {
        return new ChatException(ErrorCode.ALREADY_IN_ROOM, "Leave your current room first");
    }
}
