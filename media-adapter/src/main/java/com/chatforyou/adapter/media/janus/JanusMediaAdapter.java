package com.chatforyou.adapter.media.janus;

import com.chatforyou.adapter.media.janus.JanusRoom.Link;
import com.chatforyou.domain.model.CapacityLimits;
import com.chatforyou.domain.model.ChatException;
import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.IceCandidate;
import com.chatforyou.domain.model.LinkEnd;
import com.chatforyou.domain.model.LinkPlan;
import com.chatforyou.domain.model.MediaCapabilities;
import com.chatforyou.domain.model.MediaLink;
import com.chatforyou.domain.model.MediaSignal;
import com.chatforyou.domain.model.Participant;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.model.SessionDescription;
import com.chatforyou.domain.port.out.MediaPort;
import com.chatforyou.domain.port.out.MediaServerEvents;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SFU on a Janus videoroom: each publisher sends one stream up on a publisher handle, and Janus
 * forwards it on one subscriber handle per viewer. The browser offers on its upstream link and Janus
 * answers; on every receiving link Janus offers and the browser answers ("start"). Janus takes new
 * offers on a publisher handle ("configure"), so a publisher that adds a screen share renegotiates its
 * link, and the viewers' links get a new offer from Janus with the added stream.
 *
 * <p>The domain calls this port while holding the room's lock, and answers must go back through
 * {@link MediaServerEvents}, which takes that lock. So every room's Janus requests are started from the
 * room's own serial executor, their replies are handled there too, and everything said to the domain
 * leaves from a second serial executor that nobody waits on. Domain calls wait for Janus at most
 * {@link JanusSettings#operationTimeout()}.
 */
public class JanusMediaAdapter implements MediaPort, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(JanusMediaAdapter.class.getName());

    /**
     * Janus forwards every stream at full quality (no simulcast): n publishers need n(n-1) forwarded
     * streams. docs/media-backends.md gives the measurement behind these figures.
     */
    public static final CapacityLimits LIMITS = new CapacityLimits(12, 25);
    /** Ids stay below 2^53, exact in every JSON parser, and random: nobody can guess a room or a feed. */
    private static final long ID_BOUND = 1L << 53;
    /** The placeholder feed's m-lines, in the order of the room's codecs (opus, then VP8). */
    private static final String DUMMY_AUDIO_MID = "0";
    private static final String DUMMY_VIDEO_MID = "1";

    private final JanusSettings settings;
    private final JanusConnection connection;
    private final ExecutorService pool;
    private final Map<RoomId, JanusRoom> rooms = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Object controlLock = new Object();
    private long controlSession;
    private CompletableFuture<Long> controlHandle;
    private volatile MediaServerEvents events;
    /** What Janus' Admin API counted last, when an Admin API is configured; refreshed in the background. */
    private volatile JanusAdmin.Census lastCensus;
    private java.util.concurrent.ScheduledExecutorService censusTimer;

    public JanusMediaAdapter(JanusSettings settings) {
        this(new JanusConnection(settings));
    }

    /** On a connection of its own: one adapter per Janus server. */
    public JanusMediaAdapter(JanusConnection connection) {
        this.connection = connection;
        this.settings = connection.settings();
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

    /**
     * Janus' own count of sessions, handles and videorooms, from its Admin API every {@code every}, so
     * health shows what the server holds without a request per probe. Empty without an Admin API.
     */
    public java.util.Optional<JanusAdmin.Census> serverCensus() {
        return java.util.Optional.ofNullable(lastCensus);
    }

    /** Starts counting through the Admin API every {@code every}; does nothing without one. */
    public synchronized void countThroughAdminApi(java.time.Duration every) {
        if (settings.adminUrl() == null || censusTimer != null) {
            return;
        }
        JanusAdmin admin = JanusAdmin.of(settings);
        censusTimer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "janus-census");
            thread.setDaemon(true);
            return thread;
        });
        censusTimer.scheduleWithFixedDelay(() -> {
            try {
                lastCensus = connection.status().up() ? admin.census() : null;
            } catch (java.io.IOException | RuntimeException e) {
                lastCensus = null;
                LOG.log(System.Logger.Level.DEBUG, "Janus Admin API census failed: {0}", e.toString());
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
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
            return ensureVideoroom(room, session);
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
            await(onRoom(room, () -> openLinks(room, session, links)));
        } catch (ChatException e) {
            // The domain undoes the join: nothing opened here may stay.
            room.janus.execute(() -> links.forEach(link -> close(room, link)));
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
        room.janus.execute(() -> relay(room, link, signal));
    }

    @Override
    public void linksClosed(RoomId roomId, List<MediaLink> links) {
        JanusRoom room = rooms.get(roomId);
        if (room == null || links.isEmpty()) {
            return;
        }
        room.janus.execute(() -> links.forEach(link -> close(room, link)));
    }

    @Override
    public void roomClosed(RoomId roomId) {
        JanusRoom room = rooms.remove(roomId);
        if (room == null) {
            return;
        }
        room.janus.execute(() -> destroy(room));
    }

    /** Destroys every videoroom (waiting at most one request timeout) and ends the session. */
    @Override
    public void close() {
        List<JanusRoom> open = List.copyOf(rooms.values());
        rooms.clear();
        CountDownLatch released = new CountDownLatch(open.size());
        for (JanusRoom room : open) {
            room.janus.execute(() -> destroy(room).whenComplete((done, failure) -> released.countDown()));
        }
        try {
            released.await(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (censusTimer != null) {
                censusTimer.shutdownNow();
            }
        }
        connection.close();
        pool.shutdownNow();
    }

    private JanusRoom roomFor(RoomId roomId) {
        return rooms.computeIfAbsent(roomId, id -> new JanusRoom(id, pool));
    }

    /** The videoroom exists in the current session: created on the room's first join, with fresh secrets. */
    private CompletableFuture<Void> ensureVideoroom(JanusRoom room, long session) {
        if (room.session == session && room.created != null && !room.created.isCompletedExceptionally()) {
            return room.created;
        }
        if (room.session != 0 && room.session != session) {
            room.forget();
        }
        room.session = session;
        room.created = createVideoroom(room, session, 3);
        return room.created;
    }

    private CompletableFuture<Void> createVideoroom(JanusRoom room, long session, int attemptsLeft) {
        room.number = randomId();
        room.secret = randomSecret();
        room.pin = randomSecret();
        ObjectNode create = body("create");
        create.put("room", room.number);
        create.put("secret", room.secret);
        create.put("pin", room.pin);
        create.put("is_private", true);
        create.put("description", "chatforyou");
        create.put("publishers", LIMITS.maximum());
        create.put("permanent", false);
        // Forwarded streams recover from loss faster with a regular keyframe.
        create.put("fir_freq", 10);
        // A placeholder feed (one audio, one video m-line): viewers negotiate at once, then switch to the real feed.
        create.put("dummy_publisher", true);
        if (settings.roomAdminKey() != null) {
            create.put("admin_key", settings.roomAdminKey());
        }
        long number = room.number;
        ObjectNode participants = body("listparticipants");
        participants.put("room", number);
        return control(session).thenCompose(handle -> connection.message(session, handle, create, null)
                        .thenCompose(created -> connection.message(session, handle, participants, null)))
                .handleAsync((reply, failure) -> {
                    Throwable cause = unwrap(failure);
                    if (cause instanceof JanusException janus && janus.code() == JanusException.ROOM_EXISTS
                            && attemptsLeft > 1 && room.session == session) {
                        return createVideoroom(room, session, attemptsLeft - 1);
                    }
                    if (cause != null) {
                        return CompletableFuture.<Void>failedFuture(cause);
                    }
                    for (JsonNode participant : reply.path("plugindata").path("data").path("participants")) {
                        if (participant.path("dummy").asBoolean(false)) {
                            room.dummyFeed = participant.path("id").asLong();
                        }
                    }
                    LOG.log(System.Logger.Level.DEBUG, "Videoroom {0} created for room {1}", Long.toString(number),
                            room.id);
                    return CompletableFuture.<Void>completedFuture(null);
                }, room.janus).thenCompose(next -> next);
    }

    /** The session's handle for room requests (create, destroy), attached once per session. */
    private CompletableFuture<Long> control(long session) {
        synchronized (controlLock) {
            if (controlHandle == null || controlSession != session || controlHandle.isCompletedExceptionally()) {
                controlSession = session;
                controlHandle = connection.attach(session, event -> { });
            }
            return controlHandle;
        }
    }

    /** Attaches a handle per link and joins the publishers; viewers subscribe once their feed is up. */
    private CompletableFuture<Void> openLinks(JanusRoom room, long session, List<MediaLink> links) {
        CompletableFuture<Void> videoroom = ensureVideoroom(room, session);
        List<CompletableFuture<?>> ready = new ArrayList<>();
        List<Link> opened = new ArrayList<>();
        for (MediaLink link : links) {
            boolean publishing = link.offerer().is(link.publisher()) || link.answerer().is(link.publisher());
            Link opening = new Link(link, publishing, publishing ? randomId() : 0);
            room.links.put(link.id(), opening);
            if (publishing) {
                room.publishers.put(link.publisher(), opening);
            }
            opened.add(opening);
        }
        for (Link opening : opened) {
            CompletableFuture<Long> handle = videoroom.thenCompose(created -> connection.attach(session,
                    event -> room.janus.execute(() -> handleEvent(room, opening, event))));
            CompletableFuture<?> step = handle.thenAcceptAsync(id -> attached(room, session, opening, id), room.janus);
            if (opening.publishing) {
                step = handle.thenCompose(id -> connection.message(session, id, joinAsPublisher(room, opening), null));
            }
            ready.add(step);
        }
        return CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new));
    }

    private ObjectNode joinAsPublisher(JanusRoom room, Link link) {
        ObjectNode join = body("join");
        join.put("ptype", "publisher");
        join.put("room", room.number);
        join.put("pin", room.pin);
        join.put("id", link.feed);
        return join;
    }

    /** Runs on the room's executor once the link's handle exists. */
    private void attached(JanusRoom room, long session, Link link, long handle) {
        if (link.closed || room.session != session) {
            connection.detach(session, handle);
            return;
        }
        link.handle = handle;
        List<MediaSignal> early = List.copyOf(link.early);
        link.early.clear();
        early.forEach(signal -> relay(room, link.link, signal));
        if (!link.publishing) {
            subscribe(room, link);
        }
    }

    /**
     * Joins a viewer's handle as subscriber: to its publisher's feed when that is up, otherwise to the
     * room's placeholder feed (only the kinds the publisher sends), switched over at the feed's webrtcup.
     * Either way Janus offers at once, so the viewer's link negotiates alongside the publisher's.
     */
    private void subscribe(JanusRoom room, Link viewer) {
        if (viewer.subscribed || viewer.handle == 0 || viewer.closed) {
            return;
        }
        Link source = room.publishers.get(viewer.link.publisher());
        ObjectNode join = body("join");
        join.put("ptype", "subscriber");
        join.put("room", room.number);
        join.put("pin", room.pin);
        ArrayNode streams = join.putArray("streams");
        if (source != null && source.active) {
            streams.addObject().put("feed", source.feed);
        } else if (room.dummyFeed != 0) {
            MediaCapabilities sends = room.sends.getOrDefault(viewer.link.publisher(), MediaCapabilities.AUDIO_VIDEO);
            if (sends.sendsAudio() || !sends.sendsVideo()) {
                streams.addObject().put("feed", room.dummyFeed).put("mid", DUMMY_AUDIO_MID);
            }
            if (sends.sendsVideo()) {
                streams.addObject().put("feed", room.dummyFeed).put("mid", DUMMY_VIDEO_MID);
            }
        } else {
            return; // no placeholder: wait for the feed's webrtcup
        }
        viewer.subscribed = true;
        long session = room.session;
        connection.message(session, viewer.handle, join, null).whenCompleteAsync((reply, failure) -> {
            if (failure != null) {
                viewer.subscribed = false;
                LOG.log(System.Logger.Level.WARNING, "Subscribing {0} to {1} failed: {2}", viewer.link.id(),
                        viewer.link.publisher(), String.valueOf(unwrap(failure)));
                return;
            }
            takeOffer(room, viewer, reply);
            Link feed = room.publishers.get(viewer.link.publisher());
            if (feed != null && feed.active) {
                followFeed(room, viewer, feed);
            }
        }, room.janus);
    }

    /**
     * Brings a viewer in line with its publisher's feed: m-lines still on the placeholder switch to the
     * feed (no renegotiation), kinds the feed added are subscribed and kinds it dropped unsubscribed
     * (Janus then offers anew).
     */
    private void followFeed(JanusRoom room, Link viewer, Link publisher) {
        if (!viewer.subscribed || viewer.closed || !publisher.active) {
            return;
        }
        Map<String, String> unused = new LinkedHashMap<>(publisher.streamsPublished);
        List<JanusRoom.ViewerStream> onPlaceholder = new ArrayList<>();
        Set<String> dropped = new LinkedHashSet<>();
        for (JanusRoom.ViewerStream stream : viewer.streams) {
            if (stream.feed() == publisher.feed) {
                if (unused.remove(stream.feedMid()) == null) {
                    dropped.add(stream.feedMid());
                }
            } else if (stream.feed() == room.dummyFeed) {
                onPlaceholder.add(stream);
            }
        }
        ArrayNode switches = JanusSocket.JSON.createArrayNode();
        for (JanusRoom.ViewerStream stream : onPlaceholder) {
            String match = unused.entrySet().stream().filter(e -> e.getValue().equals(stream.kind()))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            if (match != null) {
                unused.remove(match);
                switches.addObject().put("feed", publisher.feed).put("mid", match).put("sub_mid", stream.mid());
            }
        }
        long session = room.session;
        if (!switches.isEmpty()) {
            ObjectNode change = body("switch");
            change.set("streams", switches);
            connection.message(session, viewer.handle, change, null).whenCompleteAsync((reply, failure) -> {
                if (failure != null) {
                    logFailure("switch", viewer, failure);
                    return;
                }
                takeOffer(room, viewer, reply);
                followFeed(room, viewer, publisher);
            }, room.janus);
            return;
        }
        if (unused.isEmpty() && dropped.isEmpty()) {
            return;
        }
        LOG.log(System.Logger.Level.DEBUG, "Viewer {0} of {1}: subscribing {2}, unsubscribing {3}", viewer.link.id(),
                publisher.link.id(), unused.keySet(), dropped);
        ObjectNode update = body("update");
        if (!unused.isEmpty()) {
            ArrayNode subscribe = update.putArray("subscribe");
            unused.keySet().forEach(mid -> subscribe.addObject().put("feed", publisher.feed).put("mid", mid));
        }
        if (!dropped.isEmpty()) {
            ArrayNode unsubscribe = update.putArray("unsubscribe");
            dropped.forEach(mid -> unsubscribe.addObject().put("feed", publisher.feed).put("mid", mid));
        }
        // Marked now, so a second change before Janus' reply does not ask twice.
        viewer.streams.removeIf(stream -> stream.feed() == publisher.feed && dropped.contains(stream.feedMid()));
        unused.forEach((mid, kind) -> viewer.streams.add(new JanusRoom.ViewerStream("?", kind, publisher.feed, mid)));
        connection.message(session, viewer.handle, update, null).whenCompleteAsync((reply, failure) -> {
            if (failure != null) {
                logFailure("update", viewer, failure);
                return;
            }
            takeOffer(room, viewer, reply);
        }, room.janus);
    }

    /** A reply or event that carries Janus' offer for a viewer: the streams it subscribes, then the SDP. */
    private void takeOffer(JanusRoom room, Link viewer, JsonNode message) {
        if (viewer.closed) {
            return;
        }
        JsonNode streams = message.path("plugindata").path("data").path("streams");
        if (streams.isArray() && !streams.isEmpty()) {
            viewer.streams.clear();
            for (JsonNode stream : streams) {
                if (stream.path("active").asBoolean(true) && stream.has("feed_id")) {
                    viewer.streams.add(new JanusRoom.ViewerStream(stream.path("mid").asString(),
                            stream.path("type").asString(), stream.path("feed_id").asLong(),
                            stream.path("feed_mid").asString()));
                }
            }
        }
        JsonNode jsep = message.path("jsep");
        if ("offer".equals(jsep.path("type").asString())) {
            sendDescription(room, viewer, SessionDescription.Type.OFFER, jsep.path("sdp").asString());
        }
    }

    private void sendDescription(JanusRoom room, Link link, SessionDescription.Type type, String sdp) {
        SessionDescription description;
        try {
            description = new SessionDescription(type, sdp);
        } catch (ChatException e) {
            LOG.log(System.Logger.Level.WARNING, "Janus SDP on {0} refused: {1}", link.link.id(), e.getMessage());
            return;
        }
        toDomain(room, link, description);
        link.descriptionSent = true;
        List<MediaSignal> held = List.copyOf(link.heldCandidates);
        link.heldCandidates.clear();
        held.forEach(candidate -> toDomain(room, link, candidate));
    }

    /** Runs on the room's executor: what a participant said on a link ending at Janus. */
    private void relay(JanusRoom room, MediaLink mediaLink, MediaSignal signal) {
        Link link = room.links.get(mediaLink.id());
        if (link == null || link.closed || !connection.isCurrent(room.session)) {
            LOG.log(System.Logger.Level.DEBUG, "Signal on {0} dropped: no handle in this Janus session", mediaLink.id());
            return;
        }
        if (link.handle == 0) {
            link.early.add(signal);
            return;
        }
        long session = room.session;
        if (signal instanceof SessionDescription description) {
            if (link.publishing && description.type() == SessionDescription.Type.OFFER) {
                publish(room, link, description.sdp());
            } else if (!link.publishing && description.type() == SessionDescription.Type.ANSWER) {
                connection.message(session, link.handle, body("start"), jsep("answer", description.sdp()))
                        .whenComplete((reply, failure) -> logFailure("start", link, failure));
            } else {
                LOG.log(System.Logger.Level.DEBUG, "{0} on {1} ignored: Janus {2} here", description.type(),
                        mediaLink.id(), link.publishing ? "answers" : "offers");
            }
        } else if (signal instanceof IceCandidate candidate) {
            ObjectNode trickled = null;
            if (!candidate.candidate().isEmpty()) {
                trickled = JanusSocket.JSON.createObjectNode();
                trickled.put("candidate", candidate.candidate());
                if (candidate.sdpMid() != null) {
                    trickled.put("sdpMid", candidate.sdpMid());
                }
                if (candidate.sdpMLineIndex() != null) {
                    trickled.put("sdpMLineIndex", candidate.sdpMLineIndex());
                }
            }
            connection.trickle(session, link.handle, trickled)
                    .whenComplete((reply, failure) -> logFailure("trickle", link, failure));
        }
    }

    /** The first offer publishes; a later one (new tracks, ICE restart) reconfigures the publisher. */
    private void publish(JanusRoom room, Link link, String sdp) {
        ObjectNode request = body(link.published ? "configure" : "publish");
        link.published = true;
        long session = room.session;
        connection.message(session, link.handle, request, jsep("offer", sdp)).whenCompleteAsync((reply, failure) -> {
            if (failure != null) {
                logFailure("publish", link, failure);
                return;
            }
            if (link.closed) {
                return;
            }
            JsonNode answer = reply.path("jsep");
            if ("answer".equals(answer.path("type").asString())) {
                sendDescription(room, link, SessionDescription.Type.ANSWER, answer.path("sdp").asString());
            }
            publishedStreams(room, link, reply.path("plugindata").path("data").path("streams"));
        }, room.janus);
    }

    /** Records what the publisher now sends and brings every viewer's subscription in line with it. */
    private void publishedStreams(JanusRoom room, Link publisher, JsonNode streams) {
        if (!streams.isArray()) {
            return;
        }
        Map<String, String> now = new LinkedHashMap<>();
        for (JsonNode stream : streams) {
            if (!stream.path("disabled").asBoolean(false) && stream.has("mid")) {
                now.put(stream.path("mid").asString(), stream.path("type").asString());
            }
        }
        LOG.log(System.Logger.Level.DEBUG, "Link {0} publishes {1}", publisher.link.id(), now);
        if (now.equals(publisher.streamsPublished)) {
            return;
        }
        publisher.streamsPublished.clear();
        publisher.streamsPublished.putAll(now);
        for (Link viewer : room.viewersOf(publisher.link.publisher())) {
            followFeed(room, viewer, publisher);
        }
    }

    /** Runs on the room's executor: an event Janus sent about one link's handle. */
    private void handleEvent(JanusRoom room, Link link, JsonNode event) {
        if (link.closed) {
            return;
        }
        String type = event.path("janus").asString();
        switch (type) {
            case "trickle" -> {
                JsonNode candidate = event.path("candidate");
                if (candidate.path("completed").asBoolean(false) || !candidate.has("candidate")) {
                    return;
                }
                IceCandidate found;
                try {
                    found = new IceCandidate(candidate.path("candidate").asString(),
                            candidate.has("sdpMid") ? candidate.path("sdpMid").asString() : null,
                            candidate.has("sdpMLineIndex") ? candidate.path("sdpMLineIndex").asInt() : null);
                } catch (ChatException e) {
                    LOG.log(System.Logger.Level.DEBUG, "Janus candidate dropped: {0}", e.getMessage());
                    return;
                }
                if (link.descriptionSent) {
                    toDomain(room, link, found);
                } else {
                    link.heldCandidates.add(found);
                }
            }
            case "webrtcup" -> {
                if (link.publishing && !link.active) {
                    link.active = true;
                    for (Link viewer : room.viewersOf(link.link.publisher())) {
                        if (viewer.subscribed) {
                            followFeed(room, viewer, link);
                        } else {
                            subscribe(room, viewer);
                        }
                    }
                }
            }
            case "hangup" -> LOG.log(System.Logger.Level.INFO, "Janus hung up link {0}: {1}", link.link.id(),
                    event.path("reason").asString());
            case "media", "slowlink" -> LOG.log(System.Logger.Level.DEBUG, "Janus {0} on link {1}: {2}", type,
                    link.link.id(), event);
            case "event" -> {
                // Janus renegotiates a viewer by itself when its publisher's streams change.
                if (!link.publishing && event.has("jsep")) {
                    takeOffer(room, link, event);
                }
            }
            default -> LOG.log(System.Logger.Level.DEBUG, "Janus {0} on link {1}", type, link.link.id());
        }
    }

    /** Runs on the room's executor: the link is gone; its handle goes with it. */
    private void close(JanusRoom room, MediaLink mediaLink) {
        Link link = room.links.remove(mediaLink.id());
        if (link == null) {
            return;
        }
        link.closed = true;
        room.publishers.remove(mediaLink.publisher(), link);
        if (link.handle != 0 && connection.isCurrent(room.session)) {
            connection.detach(room.session, link.handle).whenComplete((reply, failure) -> logFailure("detach", link, failure));
        }
    }

    /** Runs on the room's executor: detaches what is left and destroys the videoroom. */
    private CompletableFuture<?> destroy(JanusRoom room) {
        long session = room.session;
        long number = room.number;
        String secret = room.secret;
        List<Link> left = List.copyOf(room.links.values());
        CompletableFuture<Void> created = room.created;
        room.forget();
        if (session == 0 || !connection.isCurrent(session)) {
            return CompletableFuture.completedFuture(null);
        }
        List<CompletableFuture<?>> detached = new ArrayList<>();
        for (Link link : left) {
            if (link.handle != 0) {
                detached.add(connection.detach(session, link.handle).exceptionally(failure -> null));
            }
        }
        if (created == null || created.isCompletedExceptionally()) {
            return CompletableFuture.allOf(detached.toArray(CompletableFuture[]::new));
        }
        ObjectNode destroy = body("destroy");
        destroy.put("room", number);
        destroy.put("secret", secret);
        destroy.put("permanent", false);
        return CompletableFuture.allOf(detached.toArray(CompletableFuture[]::new))
                .thenCompose(done -> created)
                .thenCompose(done -> control(session))
                .thenCompose(handle -> connection.message(session, handle, destroy, null))
                .whenComplete((reply, failure) -> {
                    Throwable cause = unwrap(failure);
                    if (cause != null && !(cause instanceof JanusException janus && janus.code() == JanusException.NO_SUCH_ROOM)) {
                        LOG.log(System.Logger.Level.WARNING, "Videoroom of {0} not destroyed: {1}", room.id, cause.toString());
                    }
                });
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

    private void toDomain(JanusRoom room, Link link, MediaSignal signal) {
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

    private static void logFailure(String what, Link link, Throwable failure) {
        if (failure != null) {
            LOG.log(System.Logger.Level.WARNING, "Janus {0} on link {1} failed: {2}", what, link.link.id(),
                    String.valueOf(unwrap(failure)));
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static ObjectNode body(String request) {
        return JanusSocket.JSON.createObjectNode().put("request", request);
    }

    private static ObjectNode jsep(String type, String sdp) {
        return JanusSocket.JSON.createObjectNode().put("type", type).put("sdp", sdp);
    }

    private long randomId() {
        return 1 + (random.nextLong() & (ID_BOUND - 1) - 1);
    }

    private String randomSecret() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
