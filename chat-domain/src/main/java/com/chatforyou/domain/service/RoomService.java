package com.chatforyou.domain.service;

import com.chatforyou.domain.model.CapacityLimits;
import com.chatforyou.domain.model.ChatException;
import com.chatforyou.domain.model.ChatMessage;
import com.chatforyou.domain.model.ChatText;
import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.DisplayName;
import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.IceServerGrant;
import com.chatforyou.domain.model.LeaveReason;
import com.chatforyou.domain.model.LinkEnd;
import com.chatforyou.domain.model.LinkId;
import com.chatforyou.domain.model.LinkPlan;
import com.chatforyou.domain.model.MediaCapabilities;
import com.chatforyou.domain.model.MediaLink;
import com.chatforyou.domain.model.MediaSignal;
import com.chatforyou.domain.model.MediaState;
import com.chatforyou.domain.model.MessageId;
import com.chatforyou.domain.model.Participant;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.PasswordHash;
import com.chatforyou.domain.model.Room;
import com.chatforyou.domain.model.RoomEvent;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.model.RoomName;
import com.chatforyou.domain.model.RoomPolicy;
import com.chatforyou.domain.model.RoomSummary;
import com.chatforyou.domain.port.in.CloseAllRoomsUseCase;
import com.chatforyou.domain.port.in.CreateRoomUseCase;
import com.chatforyou.domain.port.in.JoinRoomUseCase;
import com.chatforyou.domain.port.in.LeaveRoomUseCase;
import com.chatforyou.domain.port.in.ListRoomsUseCase;
import com.chatforyou.domain.port.in.NegotiateMediaUseCase;
import com.chatforyou.domain.port.in.PostChatMessageUseCase;
import com.chatforyou.domain.port.in.ResumeSeatUseCase;
import com.chatforyou.domain.port.in.RoomStatisticsQuery;
import com.chatforyou.domain.port.in.UpdateMediaStateUseCase;
import com.chatforyou.domain.port.out.IceServerProvider;
import com.chatforyou.domain.port.out.IdGenerator;
import com.chatforyou.domain.port.out.MediaPort;
import com.chatforyou.domain.port.out.MediaServerEvents;
import com.chatforyou.domain.port.out.ParticipantNotifier;
import com.chatforyou.domain.port.out.TimeSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The room use cases. Rooms live in memory: a call is a live session, and a restart ends it anyway.
 * Each room is its own lock, so one room's traffic never waits for another's.
 */
public class RoomService implements CreateRoomUseCase, ListRoomsUseCase, JoinRoomUseCase, LeaveRoomUseCase,
        PostChatMessageUseCase, NegotiateMediaUseCase, UpdateMediaStateUseCase, ResumeSeatUseCase,
        CloseAllRoomsUseCase, RoomStatisticsQuery, MediaServerEvents {

    private static final System.Logger LOG = System.getLogger(RoomService.class.getName());

    private final MediaPort media;
    private final ParticipantNotifier notifier;
    private final IceServerProvider iceServers;
    private final TimeSource clock;
    private final IdGenerator ids;
    private final RoomSettings settings;

    private final Map<RoomId, Room> rooms = new ConcurrentHashMap<>();
    private final Map<ConnectionId, Seat> seats = new ConcurrentHashMap<>();
    /** When each seated participant's ICE servers are due for renewal; absent when they never expire. */
    private final Map<ParticipantId, Instant> iceRenewals = new ConcurrentHashMap<>();
    /** Seats whose connection was lost, kept for a resume until the deadline. */
    private final Map<ParticipantId, Suspension> suspended = new ConcurrentHashMap<>();
    /** Rooms whose media could not be re-established after their media server went away. */
    private final java.util.Set<RoomId> roomsWithoutMedia = ConcurrentHashMap.newKeySet();
    private final Object roomCreationLock = new Object();
    private final Object lobbyLock = new Object();
    /** Set once by {@link #closeAllRoomsForRestart}, under {@code roomCreationLock}; never cleared. */
    private volatile boolean restarting;
    /** Makes the server-wide seat count and the claim of a seat one step, whichever room is joined. */
    private final Object seatClaimLock = new Object();

    public RoomService(MediaPort media, ParticipantNotifier notifier, IceServerProvider iceServers,
                       TimeSource clock, IdGenerator ids, RoomSettings settings) {
        this.media = media;
        this.notifier = notifier;
        this.iceServers = iceServers;
        this.clock = clock;
        this.ids = ids;
        this.settings = settings;
        media.attach(this);
    }

    @Override
    public RoomSummary createRoom(CreateRoomCommand command) {
        RoomName name = new RoomName(command.name());
        var capacity = media.capacityLimits().capacityFor(command.capacity());
        Optional<PasswordHash> password = command.password() == null || command.password().isEmpty()
                ? Optional.empty()
                : Optional.of(PasswordHash.of(command.password()));
        Room room;
        synchronized (roomCreationLock) {
            refuseWhileRestarting();
            if (rooms.size() >= settings.maxRooms()) {
                throw new ChatException(ErrorCode.TOO_MANY_ROOMS,
                        "This server already has " + settings.maxRooms() + " rooms");
            }
            if (rooms.values().stream().anyMatch(existing -> existing.name().sameAs(name))) {
                throw new ChatException(ErrorCode.ROOM_NAME_TAKEN, "A room called " + name.value() + " exists");
            }
            room = new Room(new RoomId(ids.newId()), name, new RoomPolicy(capacity, password), clock.now());
            rooms.put(room.id(), room);
        }
        publishRoomList();
        return summaryOf(room);
    }

    @Override
    public List<RoomSummary> listRooms() {
        return rooms.values().stream()
                .sorted(Comparator.comparing(Room::createdAt).thenComparing(room -> room.id().value()))
                .map(RoomService::summaryOf)
                .toList();
    }

    @Override
    public CapacityLimits capacityLimits() {
        return media.capacityLimits();
    }

    @Override
    public ParticipantId joinRoom(JoinRoomCommand command) {
        if (seats.containsKey(command.connection())) {
            throw new ChatException(ErrorCode.ALREADY_IN_ROOM, "Leave your current room first");
        }
        Room room = requireRoom(command.room());
        DisplayName displayName = new DisplayName(command.displayName());
        room.policy().checkPassword(command.password());
        MediaCapabilities capabilities = command.capabilities() == null
                ? MediaCapabilities.RECEIVE_ONLY : command.capabilities();
        ParticipantId participantId;
        synchronized (room) {
            refuseWhileRestarting();
            List<Participant> present = room.participants();
            participantId = new ParticipantId(ids.newId());
            Seat seat = new Seat(room.id(), participantId, newResumeToken());
            // Joins into different rooms hold different locks, so the connection's seat is claimed atomically.
            synchronized (seatClaimLock) {
                if (seats.size() >= settings.maxParticipants()) {
                    throw new ChatException(ErrorCode.SERVER_FULL,
                            "This server already has " + settings.maxParticipants() + " participants");
                }
                if (seats.putIfAbsent(command.connection(), seat) != null) {
                    throw new ChatException(ErrorCode.ALREADY_IN_ROOM, "Leave your current room first");
                }
            }
            Participant newcomer;
            IceServerGrant grant;
            List<MediaLink> links;
            try {
                newcomer = room.seat(participantId, displayName, capabilities, command.connection(), clock.now());
                // Only now, with the seat taken, may credentials be issued; before the links so a failing
                // provider leaves nothing open at the media backend.
                grant = grantIceServers(participantId);
                links = toLinks(room.id(), media.planLinks(room.id(), newcomer, present));
                room.open(links);
                media.linksOpened(room.id(), links);
            } catch (RuntimeException e) {
                room.unseat(participantId);
                seats.remove(command.connection(), seat);
                iceRenewals.remove(participantId);
                throw e;
            }

            notifier.notify(newcomer.connection(), new RoomEvent.Joined(room.summary(), newcomer, present,
                    room.recentChat(), grant.servers(), seat.resumeToken(), false));
            for (Participant other : present) {
                notifier.notify(other.connection(), new RoomEvent.ParticipantJoined(room.id(), newcomer));
            }
            for (MediaLink link : links) {
                announce(room, link);
            }
        }
        publishRoomList();
        return participantId;
    }

    @Override
    public void leaveRoom(ConnectionId connection) {
        Seat seat = seats.get(connection);
        if (seat == null) {
            throw new ChatException(ErrorCode.NOT_IN_ROOM, "You are not in a room");
        }
        if (vacate(connection, seat, LeaveReason.LEFT)) {
            notifier.notify(connection, new RoomEvent.Left(seat.room()));
        }
    }

    /**
     * Keeps the seat for the reconnect grace period (see {@link #releaseExpiredSeats}); the others are
     * told nothing unless it runs out. Without a grace period the seat is released at once.
     */
    @Override
    public void connectionLost(ConnectionId connection) {
        Seat seat = seats.get(connection);
        if (seat == null) {
            return;
        }
        if (settings.reconnectGrace().isZero()) {
            vacate(connection, seat, LeaveReason.DISCONNECTED);
            return;
        }
        Room room = rooms.get(seat.room());
        if (room == null) {
            seats.remove(connection, seat);
            return;
        }
        synchronized (room) {
            if (seats.get(connection) == seat) {
                suspended.put(seat.participant(),
                        new Suspension(connection, seat, clock.now().plus(settings.reconnectGrace())));
            }
        }
    }

    @Override
    public void resumeSeat(ResumeSeatCommand command) {
        if (seats.containsKey(command.connection())) {
            throw new ChatException(ErrorCode.ALREADY_IN_ROOM, "Leave your current room first");
        }
        Room room = command.room() == null ? null : rooms.get(command.room());
        if (room == null) {
            throw resumeFailed();
        }
        synchronized (room) {
            refuseWhileRestarting();
            ConnectionId previous = null;
            Seat seat = null;
            for (Map.Entry<ConnectionId, Seat> entry : seats.entrySet()) {
                Seat candidate = entry.getValue();
                if (candidate.room().equals(room.id()) && candidate.participant().equals(command.participant())) {
                    previous = entry.getKey();
                    seat = candidate;
                }
            }
            if (seat == null || !seat.matches(command.resumeToken())) {
                throw resumeFailed();
            }
            Suspension suspension = suspended.get(seat.participant());
            if (suspension != null && !clock.now().isBefore(suspension.deadline())) {
                throw resumeFailed();
            }
            if (seats.putIfAbsent(command.connection(), seat) != null) {
                throw new ChatException(ErrorCode.ALREADY_IN_ROOM, "Leave your current room first");
            }
            seats.remove(previous, seat);
            suspended.remove(seat.participant());
            Participant resumed = room.rebind(seat.participant(), command.connection());
            // The old peer connections died with the page's state: close them at both ends, plan anew.
            closeLinks(room, room.closeLinksOf(resumed.id()), resumed.id());
            IceServerGrant grant = grantIceServers(resumed.id());
            notifier.notify(resumed.connection(), new RoomEvent.Joined(room.summary(), resumed, othersThan(room, resumed),
                    room.recentChat(), grant.servers(), seat.resumeToken(), true));
            planLinksAnew(room, resumed, "resume");
        }
    }

    private static List<Participant> othersThan(Room room, Participant participant) {
        return room.participants().stream().filter(other -> !other.id().equals(participant.id())).toList();
    }

    /** Plans and announces fresh links for a participant whose old links were just closed. */
    private void planLinksAnew(Room room, Participant participant, String why) {
        try {
            List<MediaLink> links = toLinks(room.id(), media.planLinks(room.id(), participant, othersThan(room, participant)));
            room.open(links);
            media.linksOpened(room.id(), links);
            links.forEach(link -> announce(room, link));
        } catch (ChatException e) {
            LOG.log(System.Logger.Level.WARNING, "Media of {0} not re-established on {1}: {2}",
                    participant.id(), why, e.getMessage());
        }
    }

    @Override
    public void releaseSeat(ResumeSeatCommand command) {
        Room room = command.room() == null ? null : rooms.get(command.room());
        if (room == null) {
            throw resumeFailed();
        }
        Map.Entry<ConnectionId, Seat> held = null;
        synchronized (room) {
            for (Map.Entry<ConnectionId, Seat> entry : seats.entrySet()) {
                Seat candidate = entry.getValue();
                if (candidate.room().equals(room.id()) && candidate.participant().equals(command.participant())) {
                    held = entry;
                }
            }
        }
        if (held == null || !held.getValue().matches(command.resumeToken()) || held.getKey().equals(command.connection())) {
            throw resumeFailed();
        }
        vacate(held.getKey(), held.getValue(), LeaveReason.LEFT);
    }

    /** Releases, as a {@code DISCONNECTED} leave, every seat whose reconnect grace period is over. Run periodically. */
    public void releaseExpiredSeats() {
        Instant now = clock.now();
        for (Suspension suspension : List.copyOf(suspended.values())) {
            if (!now.isBefore(suspension.deadline())) {
                vacate(suspension.connection(), suspension.seat(), LeaveReason.DISCONNECTED);
                suspended.remove(suspension.seat().participant(), suspension);
            }
        }
    }

    @Override
    public void postChatMessage(PostChatMessageCommand command) {
        Seat seat = seats.get(command.connection());
        if (seat == null || !seat.room().equals(command.room())) {
            throw new ChatException(ErrorCode.NOT_IN_ROOM, "You can only chat in the room you are in");
        }
        ChatText text = new ChatText(command.text());
        Room room = requireRoom(seat.room());
        synchronized (room) {
            ChatMessage message = room.post(new MessageId(ids.newId()), seat.participant(), text, clock.now());
            for (Participant participant : room.participants()) {
                notifier.notify(participant.connection(), new RoomEvent.ChatPosted(room.id(), message));
            }
        }
    }

    @Override
    public void negotiate(NegotiateMediaCommand command) {
        Seat seat = seats.get(command.connection());
        if (seat == null) {
            throw new ChatException(ErrorCode.NOT_IN_ROOM, "Join a room before negotiating media");
        }
        Room room = requireRoom(seat.room());
        synchronized (room) {
            LinkEnd from = LinkEnd.participant(seat.participant());
            boolean renegotiation = room.isRenegotiation(command.link(), command.signal());
            Optional<MediaLink> accepted = room.acceptSignal(command.link(), from, command.signal());
            if (accepted.isEmpty()) {
                LOG.log(System.Logger.Level.DEBUG, "Dropped the polite side's offer on {0} (glare)", command.link());
                return;
            }
            MediaLink link = accepted.get();
            LinkEnd to = link.opposite(from);
            if (renegotiation && to instanceof LinkEnd.MediaServer && !media.renegotiatesLinks()) {
                // The media server cannot take a second offer (new tracks, ICE restart): new links instead.
                Participant offerer = room.participant(seat.participant()).orElseThrow();
                closeLinks(room, room.closeLinksOf(offerer.id()), null);
                planLinksAnew(room, offerer, "renegotiation");
                return;
            }
            if (to instanceof LinkEnd.OfParticipant receiver) {
                deliver(room, receiver.id(), new RoomEvent.SignalReceived(link.id(), command.signal()));
            } else {
                media.signalToMediaServer(link, seat.participant(), command.signal());
            }
        }
    }

    @Override
    public void signalFromMediaServer(RoomId roomId, LinkId linkId, MediaSignal signal) {
        Room room = rooms.get(roomId);
        if (room == null) {
            LOG.log(System.Logger.Level.DEBUG, "Media server signal for closed room {0} dropped", roomId);
            return;
        }
        synchronized (room) {
            try {
                LinkEnd server = LinkEnd.mediaServer();
                room.acceptSignal(linkId, server, signal).ifPresent(link -> {
                    if (link.opposite(server) instanceof LinkEnd.OfParticipant receiver) {
                        deliver(room, receiver.id(), new RoomEvent.SignalReceived(link.id(), signal));
                    }
                });
            } catch (ChatException e) {
                LOG.log(System.Logger.Level.DEBUG, "Media server signal on {0} dropped: {1}", linkId, e.getMessage());
            }
        }
    }

    @Override
    public void mediaReset(RoomId roomId) {
        Room room = rooms.get(roomId);
        if (room == null) {
            return;
        }
        synchronized (room) {
            closeLinks(room, room.closeAllLinks(), null);
            List<Participant> linked = new ArrayList<>();
            try {
                for (Participant participant : room.participants()) {
                    List<MediaLink> links = toLinks(room.id(), media.planLinks(room.id(), participant, linked));
                    room.open(links);
                    media.linksOpened(room.id(), links);
                    links.forEach(link -> announce(room, link));
                    linked.add(participant);
                }
                if (roomsWithoutMedia.remove(roomId)) {
                    tellMediaServerStatus(room, true);
                }
            } catch (ChatException e) {
                // Still down: leave the room without media rather than retrying in a loop. The backend
                // resets the room again once its media server is back.
                LOG.log(System.Logger.Level.WARNING, "Media of room {0} not re-established: {1}", roomId,
                        e.getMessage());
                closeLinks(room, room.closeAllLinks(), null);
                roomsWithoutMedia.add(roomId);
                tellMediaServerStatus(room, false);
            }
        }
    }

    private void tellMediaServerStatus(Room room, boolean available) {
        for (Participant participant : room.participants()) {
            notifier.notify(participant.connection(), new RoomEvent.MediaServerStatus(room.id(), available));
        }
    }

    @Override
    public void updateMediaState(ConnectionId connection, MediaState state) {
        Seat seat = seats.get(connection);
        if (seat == null) {
            throw new ChatException(ErrorCode.NOT_IN_ROOM, "You are not in a room");
        }
        Room room = requireRoom(seat.room());
        synchronized (room) {
            room.updateMediaState(seat.participant(), state);
            for (Participant participant : room.participants()) {
                notifier.notify(participant.connection(),
                        new RoomEvent.MediaStateChanged(room.id(), seat.participant(), state));
            }
        }
    }

    /**
     * Sends fresh ICE servers to every participant whose current ones are due for renewal (see
     * {@link IceServerGrant#renewalDue}). Run periodically; participants whose servers never expire
     * are never asked. A provider failure for one participant is retried on the next run.
     */
    public void renewExpiringIceServers() {
        Instant now = clock.now();
        for (Room room : rooms.values()) {
            synchronized (room) {
                for (Participant participant : room.participants()) {
                    Instant due = iceRenewals.get(participant.id());
                    if (due == null || now.isBefore(due)) {
                        continue;
                    }
                    try {
                        IceServerGrant grant = grantIceServers(participant.id());
                        notifier.notify(participant.connection(), new RoomEvent.IceServersRefreshed(grant.servers()));
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.WARNING,
                                () -> "ICE servers for " + participant.id() + " not renewed; retrying later", e);
                    }
                }
            }
        }
    }

    @Override
    public int closeAllRoomsForRestart() {
        synchronized (roomCreationLock) {
            // Under the creation lock: no room can appear after the copy below.
            restarting = true;
        }
        int told = 0;
        for (Room room : List.copyOf(rooms.values())) {
            synchronized (room) {
                if (room.isClosed()) {
                    continue;
                }
                for (Participant participant : room.participants()) {
                    notifier.notify(participant.connection(), new RoomEvent.ServerRestarting(room.id()));
                    iceRenewals.remove(participant.id());
                    suspended.remove(participant.id());
                    told++;
                }
                seats.values().removeIf(seat -> seat.room().equals(room.id()));
                // One room's media failing to release must not keep the others open.
                try {
                    List<MediaLink> links = room.closeAllLinks();
                    if (!links.isEmpty()) {
                        media.linksClosed(room.id(), links);
                    }
                    closeRoom(room);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, () -> "Media of room " + room.id() + " not released", e);
                    room.close();
                    rooms.remove(room.id());
                }
            }
        }
        publishRoomList();
        return told;
    }

    @Override
    public RoomStatistics roomStatistics() {
        int links = 0;
        for (Room room : rooms.values()) {
            synchronized (room) {
                links += room.links().size();
            }
        }
        return new RoomStatistics(rooms.size(), seats.size(), links, suspended.size());
    }

    /** Removes rooms that were created but stayed empty past the timeout. */
    public void closeAbandonedRooms() {
        boolean removed = false;
        for (Room room : rooms.values()) {
            synchronized (room) {
                boolean abandoned = room.isEmpty() && !room.isClosed()
                        && room.createdAt().plus(settings.abandonedRoomTimeout()).isBefore(clock.now());
                if (abandoned) {
                    closeRoom(room);
                    removed = true;
                }
            }
        }
        if (removed) {
            publishRoomList();
        }
    }

    private boolean vacate(ConnectionId connection, Seat seat, LeaveReason reason) {
        Room room = rooms.get(seat.room());
        if (room == null) {
            seats.remove(connection, seat);
            return false;
        }
        synchronized (room) {
            if (!seats.remove(connection, seat)) {
                return false;
            }
            suspended.remove(seat.participant());
            closeLinks(room, room.unseat(seat.participant()), seat.participant());
            iceRenewals.remove(seat.participant());
            for (Participant other : room.participants()) {
                notifier.notify(other.connection(),
                        new RoomEvent.ParticipantLeft(room.id(), seat.participant(), reason));
            }
            if (room.isEmpty()) {
                closeRoom(room);
            }
        }
        publishRoomList();
        return true;
    }

    /** Tells the backend and every remaining participant end (except {@code leaver}) that links closed. */
    private void closeLinks(Room room, List<MediaLink> closed, ParticipantId leaver) {
        if (closed.isEmpty()) {
            return;
        }
        media.linksClosed(room.id(), closed);
        for (MediaLink link : closed) {
            for (LinkEnd end : List.of(link.offerer(), link.answerer())) {
                if (end instanceof LinkEnd.OfParticipant remaining && !remaining.id().equals(leaver)) {
                    deliver(room, remaining.id(), new RoomEvent.LinkClosed(link.id()));
                }
            }
        }
    }

    private void closeRoom(Room room) {
        room.close();
        rooms.remove(room.id());
        roomsWithoutMedia.remove(room.id());
        media.roomClosed(room.id());
    }

    /** Asks the provider and remembers when to renew what it granted. */
    private IceServerGrant grantIceServers(ParticipantId participant) {
        Instant issuedAt = clock.now();
        IceServerGrant grant = iceServers.iceServersFor(participant);
        grant.renewalDue(issuedAt).ifPresentOrElse(due -> iceRenewals.put(participant, due),
                () -> iceRenewals.remove(participant));
        return grant;
    }

    private List<MediaLink> toLinks(RoomId roomId, List<LinkPlan> plans) {
        List<MediaLink> links = new ArrayList<>(plans.size());
        for (LinkPlan plan : plans) {
            links.add(new MediaLink(new LinkId(ids.newId()), roomId, plan.publisher(), plan.offerer(),
                    plan.answerer()));
        }
        return links;
    }

    private void announce(Room room, MediaLink link) {
        for (LinkEnd end : List.of(link.offerer(), link.answerer())) {
            if (end instanceof LinkEnd.OfParticipant recipient) {
                LinkEnd other = link.opposite(end);
                Optional<ParticipantId> peer = other instanceof LinkEnd.OfParticipant p
                        ? Optional.of(p.id()) : Optional.empty();
                deliver(room, recipient.id(), new RoomEvent.LinkOpened(link.id(), link.publisher(), peer,
                        end.equals(link.offerer()), link.isPolite(end), end.is(link.publisher())));
            }
        }
    }

    private void deliver(Room room, ParticipantId recipient, RoomEvent event) {
        room.participant(recipient).ifPresent(p -> notifier.notify(p.connection(), event));
    }

    private Room requireRoom(RoomId roomId) {
        Room room = roomId == null ? null : rooms.get(roomId);
        if (room == null) {
            throw new ChatException(ErrorCode.ROOM_NOT_FOUND, "No such room");
        }
        return room;
    }

    private void publishRoomList() {
        synchronized (lobbyLock) {
            notifier.roomListChanged(listRooms());
        }
    }

    private static RoomSummary summaryOf(Room room) {
        synchronized (room) {
            return room.summary();
        }
    }

    private String newResumeToken() {
        return ids.newId() + ids.newId();
    }

    private void refuseWhileRestarting() {
        if (restarting) {
            throw new ChatException(ErrorCode.SERVER_RESTARTING, "The server is restarting; try again in a moment");
        }
    }

    private static ChatException resumeFailed() {
        return new ChatException(ErrorCode.RESUME_FAILED, "That seat can no longer be resumed");
    }

    /** Where a connection sits, and the secret that takes the seat back after a lost connection. */
    private record Seat(RoomId room, ParticipantId participant, String resumeToken) {
        boolean matches(String token) {
            return token != null && MessageDigest.isEqual(resumeToken.getBytes(StandardCharsets.UTF_8),
                    token.getBytes(StandardCharsets.UTF_8));
        }
    }

    private record Suspension(ConnectionId connection, Seat seat, Instant deadline) {
    }
}
