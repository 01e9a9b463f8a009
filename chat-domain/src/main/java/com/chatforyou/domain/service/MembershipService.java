package com.chatforyou.domain.service;

import com.chatforyou.domain.model.ChatException;
import com.chatforyou.domain.model.ClientToken;
import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.DisplayName;
import com.chatforyou.domain.model.Entry;
import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.IceServerGrant;
import com.chatforyou.domain.model.LeaveReason;
import com.chatforyou.domain.model.MediaCapabilities;
import com.chatforyou.domain.model.Newcomer;
import com.chatforyou.domain.model.Participant;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.Room;
import com.chatforyou.domain.model.RoomEvent;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.model.RoomPolicy;
import com.chatforyou.domain.port.in.JoinRoomUseCase;
import com.chatforyou.domain.port.in.LeaveRoomUseCase;
import com.chatforyou.domain.port.in.ResumeSeatUseCase;
import com.chatforyou.domain.port.out.RoomStorePort;
import com.chatforyou.domain.port.out.SignedInUserPort;
import com.chatforyou.domain.port.out.TimeSource;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Who sits where: joining (or knocking, where the room has a waiting room), leaving, and keeping a
 * lost connection's seat for a resume. The server-wide seat rules are {@link Seats}'; the room's own
 * (its entry rules, capacity, unique names, the password) are {@link Room}'s and its policy's; how
 * passwords are checked (the bounded worker, the backoff) is {@link PasswordChecks}'.
 */
public final class MembershipService implements JoinRoomUseCase, LeaveRoomUseCase, ResumeSeatUseCase {

    private final RoomStorePort store;
    private final Seats seats;
    private final Seating seating;
    private final WaitingRoomDoor door;
    private final RoomMedia roomMedia;
    private final IceServerGrants iceServers;
    private final RoomMessenger messenger;
    private final RoomList roomList;
    private final RestartGate restart;
    private final SignedInUserPort signedIn;
    private final TimeSource clock;
    private final RoomSettings settings;
    private final PasswordChecks passwords;

    MembershipService(RoomStorePort store, Seats seats, Seating seating, WaitingRoomDoor door, RoomMedia roomMedia,
                      IceServerGrants iceServers, RoomMessenger messenger, RoomList roomList, RestartGate restart,
                      SignedInUserPort signedIn, TimeSource clock, RoomSettings settings, PasswordChecks passwords) {
        this.passwords = passwords;
        this.store = store;
        this.seats = seats;
        this.seating = seating;
        this.door = door;
        this.roomMedia = roomMedia;
        this.iceServers = iceServers;
        this.messenger = messenger;
        this.roomList = roomList;
        this.restart = restart;
        this.signedIn = signedIn;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * A room without a password lets the caller in (or knock) before this returns. A room's password is
     * checked first, on the password worker and outside the room's lock; the entry rules (bans, the
     * lock, capacity, names, the waiting room) are applied once it matched, and the room refuses if its
     * password changed meanwhile.
     */
    @Override
    public CompletionStage<Optional<ParticipantId>> joinRoom(JoinRoomCommand command) {
        seats.refuseSecondSeat(command.connection());
        Room room = store.find(command.room()).orElseThrow(Refusals::noSuchRoom);
        MediaCapabilities capabilities = command.capabilities() == null
                ? MediaCapabilities.RECEIVE_ONLY : command.capabilities();
        Newcomer newcomer = new Newcomer(command.connection(), new DisplayName(command.displayName()), capabilities,
                Optional.ofNullable(command.clientToken()).map(ClientToken::new));
        RoomPolicy checked = room.policy();
        if (!checked.passwordRequired()) {
            return CompletableFuture.completedFuture(enter(room.id(), newcomer, checked));
        }
        return passwords.check(room.id(), checked, command.client(), command.password())
                .thenApply(matched -> enter(room.id(), newcomer, checked));
    }

    private Optional<ParticipantId> enter(RoomId roomId, Newcomer newcomer, RoomPolicy checked) {
        Optional<String> user = signedIn.signedInUser(newcomer.connection());
        Optional<ParticipantId> seated = store.fromRoom(roomId, locked -> enter(locked, newcomer, user, checked))
                .orElseThrow(Refusals::noSuchRoom);
        if (seated.isPresent()) {
            roomList.publish();
        }
        return seated;
    }

    private Optional<ParticipantId> enter(Room room, Newcomer newcomer, Optional<String> user, RoomPolicy checked) {
        restart.refuseWhileRestarting();
        Entry entry = room.entryFor(newcomer, user, checked, clock.now());
        if (entry instanceof Entry.Seat seat) {
            return Optional.of(seating.seat(room, newcomer, seat.role()));
        }
        if (entry instanceof Entry.Knock) {
            door.knock(room, newcomer);
        } else if (entry instanceof Entry.Denied denied) {
            messenger.tell(newcomer.connection(), new RoomEvent.Denied(room.id(), room.name(), denied.reason()));
        }
        return Optional.empty();
    }

    /** Leaves the seat, or the waiting room. */
    @Override
    public void leaveRoom(ConnectionId connection) {
        Optional<RoomId> waitedAt = door.withdraw(connection);
        if (waitedAt.isPresent()) {
            messenger.tell(connection, new RoomEvent.Left(waitedAt.get()));
            return;
        }
        Seat seat = seats.of(connection)
                .orElseThrow(() -> new ChatException(ErrorCode.NOT_IN_ROOM, "You are not in a room"));
        if (vacate(connection, seat, LeaveReason.LEFT)) {
            messenger.tell(connection, new RoomEvent.Left(seat.room()));
        }
    }

    /**
     * Keeps the seat for the reconnect grace period (see {@link #releaseExpiredSeats}); the others are
     * told nothing unless it runs out. Without a grace period the seat is released at once. A knock is
     * withdrawn at once.
     */
    @Override
    public void connectionLost(ConnectionId connection) {
        if (door.withdraw(connection).isPresent()) {
            return;
        }
        keepForResume(connection, settings.reconnectGrace(), LeaveReason.DISCONNECTED);
    }

    /** The rule "a page that goes away keeps its seat for the reload grace only, then has left". */
    @Override
    public void suspendSeat(ConnectionId connection) {
        if (door.withdraw(connection).isPresent()) {
            return;
        }
        keepForResume(connection, settings.reloadGrace(), LeaveReason.LEFT);
    }

    private void keepForResume(ConnectionId connection, java.time.Duration grace, LeaveReason reasonWhenOver) {
        Optional<Seat> held = seats.of(connection);
        if (held.isEmpty()) {
            return;
        }
        Seat seat = held.get();
        if (grace.isZero()) {
            vacate(connection, seat, reasonWhenOver);
            return;
        }
        boolean found = store.inRoom(seat.room(),
                room -> seats.suspend(connection, seat, clock.now().plus(grace), reasonWhenOver));
        if (!found) {
            seats.release(connection, seat);
        }
    }

    /** The seat comes back as it was: its role and raised hand included. */
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
        messenger.tell(resumed.connection(), seating.joined(room, resumed, grant, held.seat().resumeToken(), true));
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

    /**
     * Releases every seat whose grace period is over: as a {@code DISCONNECTED} leave after a lost
     * connection, as a {@code LEFT} one after a page that went away. Run periodically.
     */
    public void releaseExpiredSeats() {
        for (Seats.Suspension suspension : seats.overAt(clock.now())) {
            vacate(suspension.connection(), suspension.seat(), suspension.reasonWhenOver());
            seats.forget(suspension);
        }
    }

    /** Frees the seat (see {@link Seating#vacate}); false when it was already free. */
    private boolean vacate(ConnectionId connection, Seat seat, LeaveReason reason) {
        Optional<Boolean> vacated = store.fromRoom(seat.room(), room -> seating.vacate(room, connection, seat, reason));
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
