package com.chatforyou.adapter.media.pool;

import com.chatforyou.adapter.media.MediaServer;
import com.chatforyou.domain.model.CapacityLimits;
import com.chatforyou.domain.model.ChatException;
import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.LinkId;
import com.chatforyou.domain.model.LinkPlan;
import com.chatforyou.domain.model.MediaLink;
import com.chatforyou.domain.model.MediaSignal;
import com.chatforyou.domain.model.Participant;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.port.out.MediaPort;
import com.chatforyou.domain.port.out.MediaServerEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Several media servers of one kind behind one media port. A new room goes to the first server the
 * {@link PlacementStrategy} ranks among those that are up and not draining, and stays there: all of
 * a room's links are on its one server, so a room never spans servers.
 *
 * <p>When a server loses a room's media (it died, restarted, or has been unreachable for
 * {@link PoolSettings#failoverAfter()} while another server is up), the pool asks the domain to reset
 * the room ({@link MediaServerEvents#mediaReset}): the domain closes the room's links and plans them
 * again, and since the room then has no links on its lost server, the pool places it afresh on a
 * healthy one. A reset that finds no server leaves the room waiting for media; it is retried with
 * back-off, and soon after any server becomes reachable again, whether with a new session or the old one.
 *
 * <p>A draining server gets no new rooms; its rooms stay until their calls end. When every healthy
 * server drains, a room that must move goes to one of them rather than going without video.
 *
 * <p>Domain calls for a room come in one at a time (the domain holds the room's lock). Resets go to the
 * domain from each room's own serial executor, never from a server's or the monitor's thread.
 */
public final class MediaServerPool implements MediaPort, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(MediaServerPool.class.getName());
    /** After a server comes back, rooms waiting for media are retried this much later, so that the
     *  server's own resets of the rooms it knows go first. */
    private static final Duration AFTER_AVAILABLE = Duration.ofMillis(500);

    private final List<PoolMember> members;
    private final Map<String, PoolMember> byId = new LinkedHashMap<>();
    private final PlacementStrategy strategy;
    private final PoolSettings settings;
    private final Map<RoomId, PooledRoom> rooms = new ConcurrentHashMap<>();
    private final ExecutorService threads;
    private final ScheduledExecutorService monitor;
    private volatile MediaServerEvents events;

    public MediaServerPool(List<? extends MediaServer> servers, PlacementStrategy strategy, PoolSettings settings) {
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("a pool needs at least one media server");
        }
        this.strategy = strategy;
        this.settings = settings;
        List<PoolMember> list = new ArrayList<>();
        for (MediaServer server : servers) {
            if (!server.backendName().equals(servers.get(0).backendName())) {
                throw new IllegalArgumentException("a pool holds servers of one kind, not " + server.backendName()
                        + " beside " + servers.get(0).backendName());
            }
            PoolMember member = new PoolMember(server, settings.draining().contains(server.id()));
            if (byId.putIfAbsent(member.id, member) != null) {
                throw new IllegalArgumentException("two media servers at " + member.id);
            }
            list.add(member);
        }
        Set<String> unknown = new HashSet<>(settings.draining());
        unknown.removeAll(byId.keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("draining names servers that are not in the pool: " + unknown
                    + " (servers: " + byId.keySet() + ")");
        }
        this.members = List.copyOf(list);
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "media-pool-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.monitor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "media-pool-monitor");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public String backendName() {
        return members.get(0).server.backendName();
    }

    @Override
    public CapacityLimits capacityLimits() {
        return members.get(0).server.capacityLimits();
    }

    @Override
    public boolean renegotiatesLinks() {
        return members.get(0).server.renegotiatesLinks();
    }

    /** Attaches every server (each starts connecting in the background) and starts watching them. */
    @Override
    public void attach(MediaServerEvents domain) {
        this.events = domain;
        for (PoolMember member : members) {
            member.server.whenAvailable(() -> availableAgain(member));
            member.server.attach(new MemberEvents(member));
        }
        long every = settings.checkInterval().toMillis();
        monitor.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    /** The servers, in the configured order. */
    public List<MediaServer> servers() {
        return members.stream().map(member -> member.server).toList();
    }

    /** Every server now, in the configured order. */
    public List<ServerSnapshot> snapshot() {
        return members.stream().map(this::snapshotOf).toList();
    }

    public Optional<ServerSnapshot> snapshot(String id) {
        return Optional.ofNullable(byId.get(id)).map(this::snapshotOf);
    }

    /** Rooms whose last reset found no server to plan their links on; they are retried. */
    public int roomsAwaitingMedia() {
        return (int) rooms.values().stream().filter(room -> room.awaitingMedia).count();
    }

    /** Whether some server takes new rooms (up and not draining): the pool's readiness. */
    public boolean takesNewRooms() {
        return members.stream().anyMatch(member -> member.up() && !member.draining);
    }

    /**
     * Marks a server as draining (no new rooms; its calls go on) or takes it back. Empty when no server
     * has that id.
     */
    public Optional<ServerSnapshot> drain(String id, boolean draining) {
        PoolMember member = byId.get(id);
        if (member == null) {
            return Optional.empty();
        }
        if (member.draining != draining) {
            member.draining = draining;
            LOG.log(System.Logger.Level.INFO, draining ? "Media server {0} drains: no new rooms; {1} room(s) go on"
                    : "Media server {0} takes new rooms again ({1} room(s))", id, member.rooms.size());
        }
        return Optional.of(snapshotOf(member));
    }

    @Override
    public List<LinkPlan> planLinks(RoomId roomId, Participant newcomer, List<Participant> present) {
        PooledRoom room = rooms.computeIfAbsent(roomId, id -> new PooledRoom(id, threads));
        Set<PoolMember> refused = new HashSet<>();
        while (true) {
            PoolMember member = placeFor(room, refused);
            try {
                return member.server.planLinks(roomId, newcomer, present);
            } catch (ChatException e) {
                refused.add(member);
                // A room with no links yet may still go to another server; one with links stays (never spans).
                if (e.code() != ErrorCode.MEDIA_UNAVAILABLE || !room.links.isEmpty() || !anyUpExcept(refused)) {
                    refusedDuringReset(room);
                    throw e;
                }
                LOG.log(System.Logger.Level.INFO, "Media server {0} refused room {1} ({2}); trying another",
                        member.id, roomId, e.getMessage());
            }
        }
    }

    @Override
    public void linksOpened(RoomId roomId, List<MediaLink> links) {
        PooledRoom room = rooms.get(roomId);
        PoolMember member = room == null ? null : room.member;
        if (member == null) {
            throw new ChatException(ErrorCode.MEDIA_UNAVAILABLE, "Video is unavailable right now. Try again shortly.");
        }
        links.forEach(link -> room.links.put(link.id(), link));
        try {
            member.server.linksOpened(roomId, links);
        } catch (ChatException e) {
            links.forEach(link -> room.links.remove(link.id()));
            refusedDuringReset(room);
            throw e;
        }
    }

    @Override
    public void signalToMediaServer(MediaLink link, ParticipantId from, MediaSignal signal) {
        PooledRoom room = rooms.get(link.room());
        PoolMember member = room == null ? null : room.member;
        if (member == null) {
            LOG.log(System.Logger.Level.DEBUG, "Signal on {0} for a room without a media server dropped", link.id());
            return;
        }
        member.server.signalToMediaServer(link, from, signal);
    }

    @Override
    public void linksClosed(RoomId roomId, List<MediaLink> links) {
        PooledRoom room = rooms.get(roomId);
        PoolMember member = room == null ? null : room.member;
        if (member == null) {
            return;
        }
        links.forEach(link -> room.links.remove(link.id()));
        member.server.linksClosed(roomId, links);
    }

    @Override
    public void roomClosed(RoomId roomId) {
        PooledRoom room = rooms.remove(roomId);
        PoolMember member = room == null ? null : room.member;
        if (member == null) {
            return;
        }
        member.rooms.remove(roomId);
        member.server.roomClosed(roomId);
    }

    /** Stops watching and closes every server, side by side (each bounds its own wait). */
    @Override
    public void close() {
        monitor.shutdownNow();
        List<Thread> closing = new ArrayList<>();
        for (PoolMember member : members) {
            Thread thread = new Thread(member.server::close, "media-pool-close-" + member.id);
            thread.start();
            closing.add(thread);
        }
        for (Thread thread : closing) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.shutdownNow();
    }

    /**
     * The room's server: where it is, unless that server is unreachable and the room has no links
     * there (new, or reset); then the best candidate, and the old server forgets the room.
     */
    private PoolMember placeFor(PooledRoom room, Set<PoolMember> refused) {
        synchronized (room) {
            PoolMember current = room.member;
            if (current != null && !refused.contains(current) && (current.up() || !room.links.isEmpty())) {
                if (!current.up() && anyOtherIsUp(current)) {
                    // A newcomer found the room on a lost server: move the room now rather than at failover.
                    reset(room, true);
                }
                return current;
            }
            List<PoolMember> candidates = candidates(current != null, refused);
            if (candidates.isEmpty()) {
                if (current != null && !refused.contains(current)) {
                    return current; // it refuses, and the room waits for a server
                }
                throw new ChatException(ErrorCode.MEDIA_UNAVAILABLE,
                        "Video is unavailable right now: no media server can be reached. Try again shortly.");
            }
            PoolMember chosen = candidates.get(0);
            if (chosen != current) {
                if (current != null) {
                    current.rooms.remove(room.id);
                    current.server.roomClosed(room.id);
                    LOG.log(System.Logger.Level.INFO, "Room {0} moves from media server {1} to {2}", room.id,
                            current.id, chosen.id);
                } else {
                    LOG.log(System.Logger.Level.DEBUG, "Room {0} placed on media server {1}", room.id, chosen.id);
                }
                chosen.rooms.add(room.id);
                room.member = chosen;
            }
            return chosen;
        }
    }

    /**
     * Servers that are up and not refused, ranked by the strategy: those not draining; for a room that
     * must move and finds only draining ones, those.
     */
    private List<PoolMember> candidates(boolean moving, Set<PoolMember> refused) {
        List<ServerSnapshot> open = new ArrayList<>();
        List<ServerSnapshot> draining = new ArrayList<>();
        for (PoolMember member : members) {
            if (refused.contains(member)) {
                continue;
            }
            ServerSnapshot snapshot = snapshotOf(member);
            if (snapshot.health().up()) {
                (snapshot.draining() ? draining : open).add(snapshot);
            }
        }
        List<ServerSnapshot> pick = !open.isEmpty() ? open : moving ? draining : List.of();
        if (pick.isEmpty()) {
            return List.of();
        }
        return strategy.rank(pick).stream().map(snapshot -> byId.get(snapshot.id())).toList();
    }

    private ServerSnapshot snapshotOf(PoolMember member) {
        int streams = 0;
        Set<ParticipantId> participants = new HashSet<>();
        for (RoomId id : member.rooms) {
            PooledRoom room = rooms.get(id);
            if (room != null) {
                streams += room.links.size();
                participants.addAll(room.participants());
            }
        }
        return new ServerSnapshot(member.id, member.server.health(), member.draining, member.rooms.size(),
                participants.size(), streams, member.server.reportedLoad());
    }

    /** Queues a reset of the room's media with the domain; see {@link PooledRoom#queueReset}. */
    private void reset(PooledRoom room, boolean mustRun) {
        if (room.queueReset(mustRun)) {
            room.toDomain.execute(() -> runReset(room));
        }
    }

    /** Runs on the room's executor: the domain closes the room's links and plans them again, through this pool. */
    private void runReset(PooledRoom room) {
        boolean mustRun = room.takeQueuedReset();
        MediaServerEvents domain = events;
        if (rooms.get(room.id) != room || domain == null || !mustRun && !room.awaitingMedia) {
            return;
        }
        room.resetFailed = false;
        room.resetThread = Thread.currentThread();
        try {
            domain.mediaReset(room.id);
        } catch (RuntimeException e) {
            room.resetFailed = true;
            LOG.log(System.Logger.Level.WARNING, "Resetting the media of room {0} failed: {1}", room.id, e.toString());
        } finally {
            room.resetThread = null;
        }
        if (room.resetFailed) {
            if (!room.awaitingMedia) {
                LOG.log(System.Logger.Level.INFO, "Room {0} waits for a media server", room.id);
            }
            room.awaitingMedia = true;
            room.retryLater(System.nanoTime(), settings.checkInterval(), settings.maxRetryDelay());
        } else {
            room.mediaBack();
        }
    }

    /** A refusal while the domain resets the room: the reset did not bring the media back. */
    private static void refusedDuringReset(PooledRoom room) {
        if (room.resetThread == Thread.currentThread()) {
            room.resetFailed = true;
        }
    }

    private void availableAgain(PoolMember member) {
        LOG.log(System.Logger.Level.DEBUG, "Media server {0} is reachable", member.id);
        long now = System.nanoTime();
        for (PooledRoom room : rooms.values()) {
            if (room.awaitingMedia) {
                room.retrySoon(now, AFTER_AVAILABLE);
            }
        }
    }

    /** Runs on the monitor's thread: moves the rooms of servers lost for too long, retries rooms without media. */
    private void check() {
        try {
            long now = System.nanoTime();
            for (PoolMember member : members) {
                if (member.up()) {
                    member.downSince = null;
                    continue;
                }
                if (member.downSince == null) {
                    member.downSince = now;
                }
                if (now - member.downSince >= settings.failoverAfter().toNanos() && anyOtherIsUp(member)) {
                    for (RoomId id : member.rooms) {
                        PooledRoom room = rooms.get(id);
                        if (room != null && room.member == member && !room.links.isEmpty()) {
                            LOG.log(System.Logger.Level.INFO, "Media server {0} unreachable; moving room {1}",
                                    member.id, id);
                            reset(room, true);
                        }
                    }
                }
            }
            if (anyUpExcept(Set.of())) {
                for (PooledRoom room : rooms.values()) {
                    if (room.awaitingMedia && room.retryDue(now)) {
                        room.retryLater(now, settings.checkInterval(), settings.maxRetryDelay());
                        reset(room, false);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Media server pool check failed: {0}", e.toString());
        }
    }

    private boolean anyOtherIsUp(PoolMember member) {
        return members.stream().anyMatch(other -> other != member && other.up());
    }

    private boolean anyUpExcept(Set<PoolMember> except) {
        return members.stream().anyMatch(member -> !except.contains(member) && member.up());
    }

    /** What one server says to the domain: only about rooms placed on it now. */
    private final class MemberEvents implements MediaServerEvents {
        private final PoolMember member;

        MemberEvents(PoolMember member) {
            this.member = member;
        }

        @Override
        public void signalFromMediaServer(RoomId roomId, LinkId link, MediaSignal signal) {
            PooledRoom room = rooms.get(roomId);
            MediaServerEvents domain = events;
            if (room == null || room.member != member || domain == null) {
                LOG.log(System.Logger.Level.DEBUG, "Signal from {0} for room {1}, not placed there, dropped",
                        member.id, roomId);
                return;
            }
            domain.signalFromMediaServer(roomId, link, signal);
        }

        @Override
        public void mediaReset(RoomId roomId) {
            PooledRoom room = rooms.get(roomId);
            if (room == null || room.member != member) {
                LOG.log(System.Logger.Level.DEBUG, "Reset from {0} for room {1}, not placed there, ignored",
                        member.id, roomId);
                return;
            }
            reset(room, true);
        }
    }
}
