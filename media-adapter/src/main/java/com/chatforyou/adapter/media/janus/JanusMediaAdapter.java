package com.chatforyou.adapter.media.janus;

import static com.chatforyou.adapter.media.janus.JanusRequests.unwrap;

import com.chatforyou.adapter.media.MediaServer;
import com.chatforyou.adapter.media.ReportedLoad;
import com.chatforyou.adapter.media.ServerHealth;
import com.chatforyou.domain.model.CapacityLimits;
import com.chatforyou.domain.model.ChatException;
import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.LinkEnd;
import com.chatforyou.domain.model.LinkPlan;
import com.chatforyou.domain.model.MediaCapabilities;
import com.chatforyou.domain.model.MediaLink;
import com.chatforyou.domain.model.MediaSignal;
import com.chatforyou.domain.model.Participant;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.port.out.MediaServerEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * SFU on a Janus videoroom: each publisher sends one stream up on a publisher handle, and Janus
 * forwards it on one subscriber handle per viewer. The browser offers on its upstream link and Janus
 * answers; on every receiving link Janus offers and the browser answers ("start"). Janus takes new
 * offers on a publisher handle ("configure"), so a publisher that adds a screen share renegotiates its
 * link, and the viewers' links get a new offer from Janus with the added stream.
 *
 * <p>This class is the port and the connection's lifecycle: {@link JanusVideorooms} runs each room's
 * videoroom, {@link JanusFeeds} the handle behind each link, {@link JanusCensus} the Admin API count.
 * One instance serves one Janus server.
 *
 * <p>The domain calls this port while holding the room's lock, and answers must go back through
 * {@link MediaServerEvents}, which takes that lock. So every room's Janus requests are started from the
 * room's own serial executor, their replies are handled there too, and everything said to the domain
 * leaves from a second serial executor that nobody waits on. Domain calls wait for Janus at most
 * {@link JanusSettings#operationTimeout()}.
 */
public class JanusMediaAdapter implements MediaServer {
    private static final System.Logger LOG = System.getLogger(JanusMediaAdapter.class.getName());

    /**
     * Janus forwards every stream at full quality (no simulcast): n publishers need n(n-1) forwarded
     * streams. docs/media-backends.md gives the measurement behind these figures.
     */
    public static final CapacityLimits LIMITS = new CapacityLimits(12, 25);

    private final JanusSettings settings;
    private final JanusConnection connection;
    private final JanusVideorooms videorooms;
    private final JanusFeeds feeds;
    private final JanusCensus census;
    private final ExecutorService pool;
    private final Map<RoomId, JanusRoom> rooms = new ConcurrentHashMap<>();
    private volatile MediaServerEvents events;
    private final List<Runnable> availableListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public JanusMediaAdapter(JanusSettings settings) {
        this(new JanusConnection(settings));
    }

    /** On a connection of its own: one adapter per Janus server. */
    public JanusMediaAdapter(JanusConnection connection) {
        this.connection = connection;
        this.settings = connection.settings();
        this.videorooms = new JanusVideorooms(connection, LIMITS.maximum());
        this.feeds = new JanusFeeds(connection, videorooms, this::toDomain);
        this.census = new JanusCensus(settings, () -> connection.status().up());
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "janus-media-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public String backendName() {
        return "janus";
    }

    /** A publisher handle takes a new offer at any time ("configure" with the new SDP). */
    @Override
    public boolean renegotiatesLinks() {
        return true;
    }

    @Override
    public CapacityLimits capacityLimits() {
        return LIMITS;
    }

    /** Also starts connecting to Janus in the background; start-up never waits for Janus. */
    @Override
    public void attach(MediaServerEvents events) {
        this.events = events;
        connection.start(new JanusConnection.SessionListener() {
            @Override
            public void sessionStarted(long sessionId) {
                onSessionStarted(sessionId);
                availableListeners.forEach(Runnable::run);
            }

            @Override
            public void sessionLost(long sessionId, String why) {
                onSessionLost(sessionId);
            }
        });
    }

    /** Whether Janus is reachable, for health checks. */
    public JanusStatus status() {
        return connection.status();
    }

    @Override
    public String id() {
        return MediaServer.idOf(settings.url());
    }

    @Override
    public ServerHealth health() {
        JanusStatus status = connection.status();
        return new ServerHealth(status.up(), status.url(), status.state(),
                status.sessionId() == null ? null : Long.toString(status.sessionId()), status.detail());
    }

    /**
     * From the Admin API's count, when one is configured: every handle but the one per session for room
     * requests is a stream (a publisher or a subscriber), whoever attached it.
     */
    @Override
    public ReportedLoad reportedLoad() {
        return census.last().map(count -> new ReportedLoad(Math.max(0, count.handles() - count.sessions()),
                count.rooms(), null, null, Map.<String, Number>of("janusSessions", count.sessions(),
                "janusHandles", count.handles(), "janusRooms", count.rooms()))).orElse(ReportedLoad.NONE);
    }

    /** Runs {@code listener} each time a Janus session starts (Janus reached, or reached again). */
    @Override
    public void whenAvailable(Runnable listener) {
        availableListeners.add(listener);
    }

    /**
     * Janus' own count of sessions, handles and videorooms, from its Admin API, so health shows what
     * the server holds without a request per probe. Empty without an Admin API.
     */
    public Optional<JanusAdmin.Census> serverCensus() {
        return census.last();
    }

    /** Starts counting through the Admin API every {@code every}; does nothing without one. */
    public void countThroughAdminApi(Duration every) {
        census.start(every);
    }

    /** Janus sessions the app holds (one while connected), for gauges. */
    public int liveSessions() {
        return connection.liveSessions();
    }

    /** Janus handles the app holds: one per link plus one for room requests, for gauges. */
    public int liveHandles() {
        return connection.liveHandles();
    }

    @Override
    public List<LinkPlan> planLinks(RoomId roomId, Participant newcomer, List<Participant> present) {
        LinkEnd server = LinkEnd.mediaServer();
        ParticipantId id = newcomer.id();
        boolean newcomerPublishes = newcomer.sends().publishes();
        List<LinkPlan> plans = new ArrayList<>();
        if (newcomerPublishes) {
            plans.add(new LinkPlan(id, LinkEnd.participant(id), server));
        }
        for (Participant other : present) {
            if (other.sends().publishes()) {
                plans.add(new LinkPlan(other.id(), server, LinkEnd.participant(id)));
            }
            if (newcomerPublishes) {
                plans.add(new LinkPlan(id, server, LinkEnd.participant(other.id())));
            }
        }
        Map<ParticipantId, MediaCapabilities> sends = new HashMap<>();
        present.forEach(p -> sends.put(p.id(), p.sends()));
        sends.put(id, newcomer.sends());
        long session = connection.requireSession();
        JanusRoom room = roomFor(roomId);
        await(onRoom(room, () -> {
            room.sends.clear();
            room.sends.putAll(sends);
            return videorooms.ensure(room, session);
        }));
        return plans;
    }

    @Override
    public void linksOpened(RoomId roomId, List<MediaLink> links) {
        if (links.isEmpty()) {
            return;
        }
        long session = connection.requireSession();
        JanusRoom room = roomFor(roomId);
        try {
            await(onRoom(room, () -> feeds.openLinks(room, session, links)));
        } catch (ChatException e) {
            // The domain undoes the join: nothing opened here may stay.
            room.janus.execute(() -> links.forEach(link -> feeds.close(room, link)));
            throw e;
        }
    }

    @Override
    public void signalToMediaServer(MediaLink link, ParticipantId from, MediaSignal signal) {
        JanusRoom room = rooms.get(link.room());
        if (room == null) {
            LOG.log(System.Logger.Level.DEBUG, "Signal on {0} for a room without media dropped", link.id());
            return;
        }
        room.janus.execute(() -> feeds.relay(room, link, signal));
    }

    @Override
    public void linksClosed(RoomId roomId, List<MediaLink> links) {
        JanusRoom room = rooms.get(roomId);
        if (room == null || links.isEmpty()) {
            return;
        }
        room.janus.execute(() -> links.forEach(link -> feeds.close(room, link)));
    }

    @Override
    public void roomClosed(RoomId roomId) {
        JanusRoom room = rooms.remove(roomId);
        if (room == null) {
            return;
        }
        room.janus.execute(() -> videorooms.destroy(room));
    }

    /** Destroys every videoroom (waiting at most one request timeout) and ends the session. */
    @Override
    public void close() {
        List<JanusRoom> open = List.copyOf(rooms.values());
        rooms.clear();
        CountDownLatch released = new CountDownLatch(open.size());
        for (JanusRoom room : open) {
            room.janus.execute(() -> videorooms.destroy(room).whenComplete((done, failure) -> released.countDown()));
        }
        try {
            released.await(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        census.close();
        connection.close();
        pool.shutdownNow();
    }

    private JanusRoom roomFor(RoomId roomId) {
        return rooms.computeIfAbsent(roomId, id -> new JanusRoom(id, pool));
    }

    private void onSessionStarted(long sessionId) {
        // Rooms that had media in an earlier session re-plan their links; browsers then renegotiate.
        rooms.values().forEach(room -> room.janus.execute(() -> {
            if (room.session != 0 && room.session != sessionId) {
                resetMedia(room);
            }
        }));
    }

    private void onSessionLost(long sessionId) {
        rooms.values().forEach(room -> room.janus.execute(() -> {
            if (room.session == sessionId) {
                resetMedia(room);
            }
        }));
    }

    /**
     * Forgets the room's Janus objects (they died with the session) and asks the domain to close and
     * re-plan the room's links. While Janus is away the re-plan is refused and the room stays without
     * media; when a new session starts, the room is re-planned again.
     */
    private void resetMedia(JanusRoom room) {
        long lost = room.session;
        room.forget();
        room.session = lost; // remembered, so a new session knows this room needs media again
        if (rooms.get(room.id) != room) {
            return;
        }
        LOG.log(System.Logger.Level.INFO, "Re-establishing the media of room {0}", room.id);
        room.toDomain.execute(() -> {
            MediaServerEvents listener = events;
            if (listener != null) {
                listener.mediaReset(room.id);
            }
        });
    }

    private void toDomain(JanusRoom room, JanusRoom.Link link, MediaSignal signal) {
        room.toDomain.execute(() -> {
            MediaServerEvents listener = events;
            if (listener != null) {
                listener.signalFromMediaServer(room.id, link.link.id(), signal);
            }
        });
    }

    /** Starts {@code work} on the room's executor; the future completes when the work's future does. */
    private <T> CompletableFuture<T> onRoom(JanusRoom room, Supplier<CompletableFuture<T>> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        room.janus.execute(() -> {
            try {
                work.get().whenComplete((value, failure) -> {
                    if (failure != null) {
                        result.completeExceptionally(unwrap(failure));
                    } else {
                        result.complete(value);
                    }
                });
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Waits for Janus at most the operation timeout; any failure is a MEDIA_UNAVAILABLE refusal. */
    private <T> T await(CompletableFuture<T> work) {
        try {
            return work.get(settings.operationTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, "Media refused: Janus did not answer within {0} ms",
                    settings.operationTimeout().toMillis());
            throw new ChatException(ErrorCode.MEDIA_UNAVAILABLE,
                    "Video is unavailable right now: the media server is not answering. Try again shortly.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatException(ErrorCode.MEDIA_UNAVAILABLE, "Video is unavailable right now. Try again shortly.");
        } catch (ExecutionException e) {
            Throwable cause = unwrap(e.getCause());
            if (cause instanceof ChatException chat) {
                throw chat;
            }
            LOG.log(System.Logger.Level.WARNING, "Janus request failed: {0}", String.valueOf(cause));
            throw new ChatException(ErrorCode.MEDIA_UNAVAILABLE,
                    "Video is unavailable right now: the media server could not set up your media. Try again shortly.");
        }
    }
}
