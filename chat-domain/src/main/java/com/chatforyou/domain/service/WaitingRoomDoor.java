package com.chatforyou.domain.service;

import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.DenialReason;
import com.chatforyou.domain.model.Knock;
import com.chatforyou.domain.model.KnockId;
import com.chatforyou.domain.model.Newcomer;
import com.chatforyou.domain.model.Role;
import com.chatforyou.domain.model.Room;
import com.chatforyou.domain.model.RoomEvent;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.port.out.IdGenerator;
import com.chatforyou.domain.port.out.RoomStorePort;
import com.chatforyou.domain.port.out.TimeSource;
import java.util.List;
import java.util.Optional;

/**
 * The way through a room's waiting room: a newcomer knocks and waits, the hosts see who is waiting,
 * and a knock ends admitted, denied or withdrawn. A knock holds no seat and is not kept for a
 * reconnect: a knocker whose connection drops knocks again.
 */
final class WaitingRoomDoor {

    private final RoomStorePort store;
    private final Seats seats;
    private final Seating seating;
    private final RoomMessenger messenger;
    private final TimeSource clock;
    private final IdGenerator ids;

    WaitingRoomDoor(RoomStorePort store, Seats seats, Seating seating, RoomMessenger messenger, TimeSource clock,
                    IdGenerator ids) {
        this.store = store;
        this.seats = seats;
        this.seating = seating;
        this.messenger = messenger;
        this.clock = clock;
        this.ids = ids;
    }

    /** Holding the room's lock: the newcomer waits, and the hosts see them. */
    void knock(Room room, Newcomer newcomer) {
        Knock knock = new Knock(new KnockId(ids.newId()), newcomer, clock.now());
        ConnectionId connection = newcomer.connection();
        seats.claimKnock(connection, room.id());
        try {
            room.knock(knock);
        } catch (RuntimeException e) {
            seats.releaseKnock(connection);
            throw e;
        }
        messenger.tell(connection, new RoomEvent.Waiting(room.id(), room.name(), knock.id()));
        tellHosts(room);
    }

    /**
     * Holding the room's lock: seats a knock a host took out of the waiting room. When the room cannot
     * seat them now (full, say), they keep waiting in their place and the refusal goes to the host.
     */
    void admit(Room room, Knock knock) {
        seats.releaseKnock(knock.newcomer().connection());
        try {
            seating.seat(room, knock.newcomer(), Role.PARTICIPANT);
        } catch (RuntimeException e) {
            seats.claimKnock(knock.newcomer().connection(), room.id());
            room.keepWaiting(knock);
            throw e;
        } finally {
            tellHosts(room);
        }
    }

    /** Holding the room's lock: lets in everyone who waited, as when the waiting room is turned off. */
    void admitAll(Room room, List<Knock> waited) {
        for (Knock knock : waited) {
            seats.releaseKnock(knock.newcomer().connection());
            try {
                seating.seat(room, knock.newcomer(), Role.PARTICIPANT);
            } catch (RuntimeException e) {
                // Mostly a full room; whatever it was, the newcomer must not be left waiting for nobody.
                seating.deny(room, knock, DenialReason.ROOM_FULL);
            }
        }
        if (!waited.isEmpty()) {
            tellHosts(room);
        }
    }

    void deny(Room room, Knock knock) {
        seating.deny(room, knock, DenialReason.HOST);
        tellHosts(room);
    }

    /** The knocker left the waiting room or lost their connection; the room they waited at, if any. */
    Optional<RoomId> withdraw(ConnectionId connection) {
        Optional<RoomId> knockedAt = seats.knockOf(connection);
        knockedAt.ifPresent(roomId -> {
            store.inRoom(roomId, room -> room.withdrawKnock(connection).ifPresent(gone -> tellHosts(room)));
            seats.releaseKnock(connection);
        });
        return knockedAt;
    }

    private void tellHosts(Room room) {
        messenger.tellHostsOf(room, new RoomEvent.WaitingListChanged(room.id(), room.waiting()));
    }
}
