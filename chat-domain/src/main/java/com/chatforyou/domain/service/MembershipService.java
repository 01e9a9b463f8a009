package com.chatforyou.domain.service;

import com.chatforyou.domain.model.ChatException;
import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.DisplayName;
import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.IceServerGrant;
import com.chatforyou.domain.model.LeaveReason;
import com.chatforyou.domain.model.MediaCapabilities;
import com.chatforyou.domain.model.MediaLink;
import com.chatforyou.domain.model.Participant;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.Room;
import com.chatforyou.domain.model.RoomEvent;
import com.chatforyou.domain.port.in.CloseAllRoomsUseCase;
import com.chatforyou.domain.port.in.JoinRoomUseCase;
import com.chatforyou.domain.port.in.LeaveRoomUseCase;
import com.chatforyou.domain.port.in.ResumeSeatUseCase;
import com.chatforyou.domain.port.out.IdGenerator;
import com.chatforyou.domain.port.out.RoomStorePort;
import com.chatforyou.domain.port.out.TimeSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who sits where: joining, leaving, keeping a lost connection's seat for a resume, and ending every
 * room when the server restarts. The server-wide seat rules are {@link Seats}'; the room's own (its
 * capacity, unique names, the password) are {@link Room}'s and its policy's; how passwords are checked
 * (the bounded worker, the backoff) is {@link PasswordChecks}'.
 */
public final class MembershipService implements JoinRoomUseCase, LeaveRoomUseCase, ResumeSeatUseCase,
        CloseAllRoomsUseCase {

    private static final System.Logger LOG = System.getLogger(MembershipService.class.getName());

    private final RoomStorePort store;
    private final Seats seats;
    private final RoomMedia roomMedia;
    private final IceServerGrants iceServers;
    private final RoomMessenger messenger;
    private final RoomList roomList;
    private final RestartGate restart;
    private final TimeSource clock;
    private final IdGenerator ids;
    private final RoomSettings settings;
    private final PasswordChecks passwords;

    MembershipService(RoomStorePort store, Seats seats, RoomMedia roomMedia, IceServerGrants iceServers,
                      RoomMessenger messenger, RoomList roomList, RestartGate restart, TimeSource clock,
                      IdGenerator ids, RoomSettings settings, PasswordChecks passwords) {
        this.passwords = passwords;
        this.store = store;
        this.seats = seats;
        this.roomMedia = roomMedia;
        this.iceServers = iceServers;
        this.messenger = messenger;
        this.roomList = roomList;
        this.restart = restart;
        this.clock = clock;
        this.ids = ids;
        this.settings = settings;
    }

    /**
     * An open room seats the caller before this returns. A locked room's password is checked on the
     * password worker, outside the room's lock, and the seat is taken once it matched.
     */
    @Override
    public CompletionStage<ParticipantId> joinRoom(JoinRoomCommand command) {
        seats.refuseSecondSeat(command.connection());
        Room room = store.find(command.room()).orElseThrow(Refusals::noSuchRoom);
        DisplayName displayName = new DisplayName(command.displayName());
        MediaCapabilities capabilities = command.capabilities() == null
                ? MediaCapabilities.RECEIVE_ONLY : command.capabilities();
        if (!room.policy().locked()) {
            return CompletableFuture.completedFuture(seatIn(room, command.connection(), displayName, capabilities));
        }
        return passwords.check(room, command.client(), command.password())
                .thenApply(matched -> seatIn(room, command.connection(), displayName, capabilities));
    }

    private ParticipantId seatIn(Room room, ConnectionId connection, DisplayName displayName,
                                 MediaCapabilities capabilities) {
        ParticipantId participant = store.fromRoom(room.id(),
                        locked -> seat(locked, connection, displayName, capabilities))
                .orElseThrow(Refusals::noSuchRoom);
        roomList.publish();
        return participant;
    }

    private ParticipantId seat(Room room, ConnectionId connection, DisplayName displayName,
                               MediaCapabilities capabilities) {
        restart.refuseWhileRestarting();
        List<Participant> present = room.participants();
        ParticipantId participantId = new ParticipantId(ids.newId());
        Seat seat = new Seat(room.id(), participantId, ids.newId() + ids.newId());
        seats.claim(connection, seat);
        Participant newcomer;
        IceServerGrant grant;
        List<MediaLink> links;
        try {
            newcomer = room.seat(participantId, displayName, capabilities, connection, clock.now());
            // Only now, with the seat taken, may credentials be issued; before the links so a failing
            // provider leaves nothing open at the media backend.
            grant = iceServers.grant(participantId);
            links = roomMedia.open(room, newcomer, present);
        } catch (RuntimeException e) {
            room.unseat(participantId);
            seats.release(connection, seat);
            iceServers.forget(participantId);
            throw e;
        }
        messenger.tell(newcomer.connection(), new RoomEvent.Joined(room.summary(), newcomer, present,
                room.recentChat(), grant.servers(), seat.resumeToken(), false));
        messenger.tellEach(present, new RoomEvent.ParticipantJoined(room.id(), newcomer));
        roomMedia.announce(room, links);
        return participantId;
    }

    @Override
    public void leaveRoom(ConnectionId connection) {
        Seat seat = seats.of(connection)
                .orElseThrow(() -> new ChatException(ErrorCode.NOT_IN_ROOM, "You are not in a room"));
        if (vacate(connection, seat, LeaveReason.LEFT)) {
            messenger.tell(connection, new RoomEvent.Left(seat.room()));
        }
    }

    /**
     * Keeps the seat for the reconnect grace period (see {@link #releaseExpiredSeats}); the others are
     * told nothing unless it runs out. Without a grace period the seat is released at once.
     */
    @Override
    public void connectionLost(ConnectionId connection) {
        Optional<Seat> held = seats.of(connection);
        if (held.isEmpty()) {
            return;
        }
        Seat seat = held.get();
        if (settings.reconnectGrace().isZero()) {
            vacate(connection, seat, LeaveReason.DISCONNECTED);
            return;
        }
        boolean found = store.inRoom(seat.room(),
                room -> seats.suspend(connection, seat, clock.now().plus(settings.reconnectGrace())));
        if (!found) {
            seats.release(connection, seat);
        }
    }

    @Override
    public void resumeSeat(ResumeSeatCommand command) {
        seats.refuseSecondSeat(command.connection());
        if (!store.inRoom(command.room(), room -> resume(room, command))) {
            throw resumeFailed();
        }
    }

    private void resume(Room room, ResumeSeatCommand command) {
        restart.refuseWhileRestarting();
        Seats.Held held = seats.heldIn(room.id(), command.participant())
                .filter(candidate -> candidate.seat().matches(command.resumeToken()))
                .orElseThrow(MembershipService::resumeFailed);
        if (seats.graceIsOver(command.participant(), clock.now())) {
            throw resumeFailed();
        }
        seats.move(held, command.connection());
        Participant resumed = room.rebind(command.participant(), command.connection());
        // The old peer connections died with the page's state: close them at both ends, plan anew.
        roomMedia.close(room, room.closeLinksOf(resumed.id()), resumed.id());
        IceServerGrant grant = iceServers.grant(resumed.id());
        messenger.tell(resumed.connection(), new RoomEvent.Joined(room.summary(), resumed,
                RoomMedia.othersThan(room, resumed), room.recentChat(), grant.servers(), held.seat().resumeToken(),
                true));
        roomMedia.openAnew(room, resumed, "resume");
    }

    @Override
    public void releaseSeat(ResumeSeatCommand command) {
        Seats.Held held = store.fromRoom(command.room(), room -> seats.heldIn(room.id(), command.participant()))
                .flatMap(found -> found)
                .filter(candidate -> candidate.seat().matches(command.resumeToken()))
                .filter(candidate -> !candidate.connection().equals(command.connection()))
                .orElseThrow(MembershipService::resumeFailed);
        vacate(held.connection(), held.seat(), LeaveReason.LEFT);
    }

    /** Releases, as a {@code DISCONNECTED} leave, every seat whose reconnect grace period is over. Run periodically. */
    public void releaseExpiredSeats() {
        for (Seats.Suspension suspension : seats.overAt(clock.now())) {
            vacate(suspension.connection(), suspension.seat(), LeaveReason.DISCONNECTED);
            seats.forget(suspension);
        }
    }

    @Override
    public int closeAllRoomsForRestart() {
        restart.close();
        AtomicInteger told = new AtomicInteger();
        store.forEachRoom(room -> told.addAndGet(endForRestart(room)));
        roomList.publish();
        return told.get();
    }

    private int endForRestart(Room room) {
        List<Participant> participants = room.participants();
        for (Participant participant : participants) {
            messenger.tell(participant.connection(), new RoomEvent.ServerRestarting(room.id()));
            iceServers.forget(participant.id());
        }
        seats.releaseAllIn(room.id());
        // One room's media failing to release must not keep the others open.
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

    /** Frees the seat, tells the others, and closes the room once it is empty; false when it was already free. */
    private boolean vacate(ConnectionId connection, Seat seat, LeaveReason reason) {
        Optional<Boolean> vacated = store.fromRoom(seat.room(), room -> {
            if (!seats.release(connection, seat)) {
                return false;
            }
            roomMedia.close(room, room.unseat(seat.participant()), seat.participant());
            iceServers.forget(seat.participant());
            messenger.tellEveryoneIn(room, new RoomEvent.ParticipantLeft(room.id(), seat.participant(), reason));
            if (room.isEmpty()) {
                roomList.close(room);
            }
            return true;
        });
        if (vacated.isEmpty()) {
            seats.release(connection, seat);
            return false;
        }
        if (vacated.get()) {
            roomList.publish();
        }
        return vacated.get();
    }

    private static ChatException resumeFailed() {
        return new ChatException(ErrorCode.RESUME_FAILED, "That seat can no longer be resumed");
    }
}
