package com.chatforyou.domain.service;

import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.DenialReason;
import com.chatforyou.domain.model.Departure;
import com.chatforyou.domain.model.IceServerGrant;
import com.chatforyou.domain.model.Knock;
import com.chatforyou.domain.model.LeaveReason;
import com.chatforyou.domain.model.MediaLink;
import com.chatforyou.domain.model.Newcomer;
import com.chatforyou.domain.model.Participant;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.Role;
import com.chatforyou.domain.model.RoleChange;
import com.chatforyou.domain.model.Room;
import com.chatforyou.domain.model.RoomEvent;
import com.chatforyou.domain.port.out.IdGenerator;
import com.chatforyou.domain.port.out.RoomStorePort;
import com.chatforyou.domain.port.out.TimeSource;
import java.util.List;

/**
 * Taking and giving up seats, for every use case that does so (joining, admitting from the waiting
 * room, leaving, removing, ending a room): the seat, its ICE servers and media links, and telling the
 * room. Every method runs holding the room's lock; callers publish the lobby's list afterwards, outside it.
 */
final class Seating {

    private static final System.Logger LOG = System.getLogger(Seating.class.getName());

    private final RoomStorePort store;
    private final Seats seats;
    private final RoomMedia roomMedia;
    private final IceServerGrants iceServers;
    private final RoomMessenger messenger;
    private final RoomList roomList;
    private final TimeSource clock;
    private final IdGenerator ids;

    Seating(RoomStorePort store, Seats seats, RoomMedia roomMedia, IceServerGrants iceServers, RoomMessenger messenger,
            RoomList roomList, TimeSource clock, IdGenerator ids) {
        this.store = store;
        this.seats = seats;
        this.roomMedia = roomMedia;
        this.iceServers = iceServers;
        this.messenger = messenger;
        this.roomList = roomList;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * Seats a newcomer with a role: the newcomer gets {@code joined}, the others {@code participant-joined},
     * then both ends their links. Nothing is left behind when any step fails.
     */
    ParticipantId seat(Room room, Newcomer newcomer, Role role) {
        List<Participant> present = room.participants();
        ParticipantId participantId = new ParticipantId(ids.newId());
        Seat seat = new Seat(room.id(), participantId, ids.newId() + ids.newId());
        ConnectionId connection = newcomer.connection();
        seats.claim(connection, seat);
        Participant seated;
        IceServerGrant grant;
        List<MediaLink> links;
        try {
            seated = room.seat(participantId, newcomer, role, clock.now());
            // Only now, with the seat taken, may credentials be issued; before the links so a failing
            // provider leaves nothing open at the media backend.
            grant = iceServers.grant(participantId);
            links = roomMedia.open(room, seated, present);
        } catch (RuntimeException e) {
            room.unseat(participantId);
            seats.release(connection, seat);
            iceServers.forget(participantId);
            throw e;
        }
        List<RoleChange> demoted = role == Role.HOST ? room.makeSoleHost(participantId) : List.of();
        messenger.tell(connection, joined(room, seated, grant, seat.resumeToken(), false));
        messenger.tellEach(present, new RoomEvent.ParticipantJoined(room.id(), seated));
        demoted.forEach(change -> announce(room, change));
        roomMedia.announce(room, links);
        return participantId;
    }

    /** The room as the participant sees it on (re)joining; hosts also see who is waiting. */
    RoomEvent.Joined joined(Room room, Participant self, IceServerGrant grant, String resumeToken, boolean resumed) {
        return new RoomEvent.Joined(room.summary(), self, RoomMedia.othersThan(room, self), room.recentChat(),
                grant.servers(), resumeToken, resumed, room.controls(), room.raisedHands(),
                self.role().isHost() ? room.waiting() : List.of());
    }

    /**
     * Frees the seat and tells the others; lowers the leaver's hand, hands the room over when the host
     * left, turns away whoever waits when nobody is left to admit them, and closes the room once it is
     * empty. False when the connection no longer held the seat.
     */
    boolean vacate(Room room, ConnectionId connection, Seat seat, LeaveReason reason) {
        if (!seats.release(connection, seat)) {
            return false;
        }
        Departure departure = room.unseat(seat.participant());
        roomMedia.close(room, departure.closedLinks(), seat.participant());
        iceServers.forget(seat.participant());
        messenger.tellEveryoneIn(room, new RoomEvent.ParticipantLeft(room.id(), seat.participant(), reason));
        if (departure.handLowered()) {
            messenger.tellEveryoneIn(room, new RoomEvent.HandsChanged(room.id(), room.raisedHands()));
        }
        departure.roleChanges().forEach(change -> announce(room, change));
        if (room.isEmpty()) {
            turnAway(room, DenialReason.ROOM_CLOSED);
            roomList.close(room);
        } else if (room.hosts().isEmpty()) {
            turnAway(room, DenialReason.NO_HOST);
        }
        return true;
    }

    /** Everyone hears of a new role; a new host also learns who is waiting, and may now unmute. */
    void announce(Room room, RoleChange change) {
        Participant changed = change.participant();
        messenger.tellEveryoneIn(room, new RoomEvent.RoleChanged(room.id(), changed, change.by()));
        if (room.controls().hostsControlMicrophones()) {
            messenger.tellEveryoneIn(room, RoomEvent.MediaStateChanged.of(room.id(), changed));
        }
        if (changed.role().isHost()) {
            messenger.tell(changed.connection(), new RoomEvent.WaitingListChanged(room.id(), room.waiting()));
        }
    }

    /** Whoever waits in the waiting room is told they will not be let in. */
    void turnAway(Room room, DenialReason reason) {
        List<Knock> turnedAway = room.clearWaiting();
        for (Knock knock : turnedAway) {
            deny(room, knock, reason);
        }
        if (!turnedAway.isEmpty()) {
            messenger.tellHostsOf(room, new RoomEvent.WaitingListChanged(room.id(), List.of()));
        }
    }

    /** One newcomer, already out of the waiting room, is told they will not be let in. */
    void deny(Room room, Knock knock, DenialReason reason) {
        ConnectionId connection = knock.newcomer().connection();
        seats.releaseKnock(connection);
        messenger.tell(connection, new RoomEvent.Denied(room.id(), room.name(), reason));
    }

    /**
     * Ends the room for everyone in it: each seated participant (also those awaiting a reconnect) gets
     * {@code toSeated}, whoever waits is denied for {@code forWaiting}, every seat goes and the room with
     * them. Returns how many were seated.
     */
    int end(Room room, RoomEvent toSeated, DenialReason forWaiting) {
        for (Knock knock : room.clearWaiting()) {
            deny(room, knock, forWaiting);
        }
        List<Participant> participants = room.participants();
        for (Participant participant : participants) {
            messenger.tell(participant.connection(), toSeated);
            iceServers.forget(participant.id());
        }
        seats.releaseAllIn(room.id());
        // One room's media failing to release must not keep the room open.
        try {
            roomMedia.releaseAll(room);
            roomList.close(room);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "Media of room " + room.id() + " not released", e);
            room.close();
            store.remove(room.id());
        }
        return participants.size();
    }
}
