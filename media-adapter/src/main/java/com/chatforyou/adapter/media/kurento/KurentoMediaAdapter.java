package com.chatforyou.adapter.media.kurento;

import com.chatforyou.adapter.media.MediaServer;
import com.chatforyou.adapter.media.ReportedLoad;
import com.chatforyou.adapter.media.ServerHealth;
import com.chatforyou.adapter.media.kurento.RoomMedia.LinkEndpoint;
import com.chatforyou.domain.model.CapacityLimits;
import com.chatforyou.domain.model.ChatException;
import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.IceCandidate;
import com.chatforyou.domain.model.LinkEnd;
import com.chatforyou.domain.model.LinkId;
import com.chatforyou.domain.model.LinkPlan;
import com.chatforyou.domain.model.MediaCapabilities;
import com.chatforyou.domain.model.MediaLink;
import com.chatforyou.domain.model.MediaSignal;
import com.chatforyou.domain.model.Participant;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.model.SessionDescription;
import com.chatforyou.domain.port.out.MediaServerEvents;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.kurento.client.IceCandidateFoundEvent;
import org.kurento.client.KurentoClient;
import org.kurento.client.MediaObject;
import org.kurento.client.MediaType;
import org.kurento.client.WebRtcEndpoint;
import org.kurento.client.internal.server.KurentoServerException;

/**
 * SFU on a Kurento Media Server: each publisher sends one stream up to a WebRtcEndpoint in its room's
 * MediaPipeline, and KMS forwards it to one receiving WebRtcEndpoint per viewer. Browsers offer on
 * every link (a viewer offers receive-only) and KMS answers, so browser code is the same as for mesh.
 *
 * <p>The domain calls this port while holding the room's lock, and answers must go back through
 * {@link MediaServerEvents}, which takes that lock. So every KMS request runs on the room's own
 * serial executor, and everything said to the domain leaves from a second serial executor that
 * nobody waits on. Domain calls wait for KMS at most {@link KurentoSettings#operationTimeout()}.
 */
public class KurentoMediaAdapter implements MediaServer {
    private static final System.Logger LOG = System.getLogger(KurentoMediaAdapter.class.getName());

    /**
     * KMS needs one endpoint per publisher plus one per (viewer, publisher) pair, N + N(N-1) for N
     * publishers, and forwards every stream at full quality (no simulcast): 16 publishers already
     * make 256 endpoints and 240 forwarded streams per room.
     */
    public static final CapacityLimits LIMITS = new CapacityLimits(12, 16);

    private static final int WAITING = 0;
    private static final int RUNNING = 1;
    private static final int DONE = 2;
    private static final int ABANDONED = 3;

    private final KurentoSettings settings;
    private final KmsConnection connection;
    private final ExecutorService pool;
    private final Map<RoomId, RoomMedia> rooms = new ConcurrentHashMap<>();
    /** Releases that failed while KMS was unreachable, retried if the same session comes back. */
    private final List<PendingRelease> releaseLater = new ArrayList<>();
    private volatile MediaServerEvents events;
    private final KmsLoadSampler load;
    private final List<Runnable> availableListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    private record PendingRelease(MediaObject object, String session, int attempt) {
    }

    /** A release is tried this often; past that, KMS frees the object when its session ends. */
    private static final int RELEASE_ATTEMPTS = 3;

    public KurentoMediaAdapter(KurentoSettings settings) {
        this.settings = settings;
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "kurento-media-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.connection = new KmsConnection(settings, new KmsConnection.SessionListener() {
            @Override
            public void sessionChanged(String sessionId) {
                onSessionChanged(sessionId);
                availableListeners.forEach(Runnable::run);
            }

            @Override
            public void sessionResumed(String sessionId) {
                onSessionResumed(sessionId);
                availableListeners.forEach(Runnable::run);
            }
        });
        this.load = new KmsLoadSampler(connection);
    }

    @Override
    public String backendName() {
        return "kurento";
    }

    /** KMS refuses a second processOffer on a WebRtcEndpoint ("already negotiated"). */
    @Override
    public boolean renegotiatesLinks() {
        return false;
    }

    @Override
    public CapacityLimits capacityLimits() {
        return LIMITS;
    }

    /** Also starts connecting to KMS in the background; start-up never waits for KMS. */
    @Override
    public void attach(MediaServerEvents events) {
        this.events = events;
        connection.start();
    }

    /** Whether KMS is reachable, for health checks. */
    public KmsStatus status() {
        return connection.status();
    }

    @Override
    public String id() {
        return MediaServer.idOf(settings.url());
    }

    @Override
    public ServerHealth health() {
        KmsStatus status = connection.status();
        return new ServerHealth(status.up(), status.url(), status.state(), status.sessionId(), status.detail());
    }

    /** KMS's CPU, memory and pipelines from its ServerManager, once {@link #sampleServerLoad} runs. */
    @Override
    public ReportedLoad reportedLoad() {
        return load.last();
    }

    /** Asks KMS's ServerManager for its load every {@code every}, in the background. */
    public void sampleServerLoad(java.time.Duration every) {
        load.start(every);
    }

    /** Runs {@code listener} each time KMS is reached: a new session, or the old one resumed. */
    @Override
    public void whenAvailable(Runnable listener) {
        availableListeners.add(listener);
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
                plans.add(new LinkPlan(other.id(), LinkEnd.participant(id), server));
            }
            if (newcomerPublishes) {
                plans.add(new LinkPlan(id, LinkEnd.participant(other.id()), server));
            }
        }
        Map<ParticipantId, MediaCapabilities> capabilities = new HashMap<>();
        present.forEach(p -> capabilities.put(p.id(), p.sends()));
        capabilities.put(id, newcomer.sends());

        KurentoClient client = connection.requireClient();
        RoomMedia room = roomFor(roomId);
        onRoom(room, () -> {
            room.capabilities.clear();
            room.capabilities.putAll(capabilities);
            ensurePipeline(room, client);
            return null;
        }, nothing -> {
        });
        return plans;
    }

    @Override
    public void linksOpened(RoomId roomId, List<MediaLink> links) {
        if (links.isEmpty()) {
            return;
        }
        KurentoClient client = connection.requireClient();
        RoomMedia room = roomFor(roomId);
        List<MediaLink> ordered = links.stream()
                .sorted(Comparator.comparing(link -> isPublishing(link) ? 0 : 1))
                .toList();
        onRoom(room, () -> openEndpoints(room, client, ordered), created -> releaseAll(room, created));
    }

    @Override
    public void signalToMediaServer(MediaLink link, ParticipantId from, MediaSignal signal) {
        RoomMedia room = rooms.get(link.room());
        if (room == null) {
            LOG.log(System.Logger.Level.DEBUG, "Signal on {0} for a room without media dropped", link.id());
            return;
        }
        room.kms.execute(() -> relay(room, link, signal));
    }

    @Override
    public void linksClosed(RoomId roomId, List<MediaLink> links) {
        RoomMedia room = rooms.get(roomId);
        if (room == null || links.isEmpty()) {
            return;
        }
        room.kms.execute(() -> {
            for (MediaLink link : links) {
                LinkEndpoint closed = room.endpoints.remove(link.id());
                if (closed != null) {
                    room.publishers.remove(link.publisher(), closed);
                    release(closed.endpoint, closed.session);
                }
            }
        });
    }

    @Override
    public void roomClosed(RoomId roomId) {
        RoomMedia room = rooms.remove(roomId);
        if (room == null) {
            return;
        }
        room.kms.execute(() -> {
            if (room.pipeline != null) {
                release(room.pipeline, room.session);
            }
            room.forget();
            room.capabilities.clear();
        });
    }

    /** Releases every room's pipeline (waiting at most one request timeout) and disconnects. */
    @Override
    public void close() {
        List<RoomMedia> open = List.copyOf(rooms.values());
        rooms.clear();
        CountDownLatch released = new CountDownLatch(open.size());
        for (RoomMedia room : open) {
            room.kms.execute(() -> {
                try {
                    if (room.pipeline != null) {
                        release(room.pipeline, room.session);
                    }
                    room.forget();
                } finally {
                    released.countDown();
                }
            });
        }
        try {
            released.await(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        load.close();
        connection.close();
        pool.shutdownNow();
    }

    private RoomMedia roomFor(RoomId roomId) {
        return rooms.computeIfAbsent(roomId, id -> new RoomMedia(id, pool));
    }

    /** The pipeline is created on the room's first join, in the current KMS session. */
    private void ensurePipeline(RoomMedia room, KurentoClient client) {
        if (room.pipeline != null && Objects.equals(room.session, client.getSessionId())) {
            return;
        }
        if (room.pipeline != null) {
            resetIfMediaLost(room);
        }
        room.pipeline = client.createMediaPipeline();
        room.session = client.getSessionId();
        LOG.log(System.Logger.Level.DEBUG, "Pipeline for room {0} created", room.id);
    }

    private List<LinkEndpoint> openEndpoints(RoomMedia room, KurentoClient client, List<MediaLink> links) {
        ensurePipeline(room, client);
        List<LinkEndpoint> created = new ArrayList<>();
        try {
            for (MediaLink link : links) {
                created.add(openEndpoint(room, link));
            }
        } catch (RuntimeException e) {
            releaseAll(room, created);
            throw e;
        }
        return created;
    }

    private LinkEndpoint openEndpoint(RoomMedia room, MediaLink link) {
        WebRtcEndpoint endpoint = new WebRtcEndpoint.Builder(room.pipeline).build();
        LinkEndpoint opened = new LinkEndpoint(link, endpoint, room.session);
        room.endpoints.put(link.id(), opened);
        endpoint.addIceCandidateFoundListener(event -> candidateFound(room, opened, event));
        if (isPublishing(link)) {
            room.publishers.put(link.publisher(), opened);
        } else {
            LinkEndpoint source = room.publishers.get(link.publisher());
            if (source == null) {
                // Only while the room's media is being re-established; the reset replaces this link.
                LOG.log(System.Logger.Level.DEBUG, "No publishing endpoint for {0} yet", link.publisher());
            } else {
                connect(source.endpoint, endpoint, room.capabilities.get(link.publisher()));
            }
        }
        return opened;
    }

    /** Forwards only what the publisher sends, so an audio-only publisher's viewers get audio only. */
    private static void connect(WebRtcEndpoint source, WebRtcEndpoint sink, MediaCapabilities sends) {
        if (sends == null) {
            source.connect(sink);
            return;
        }
        if (sends.sendsAudio()) {
            source.connect(sink, MediaType.AUDIO);
        }
        if (sends.sendsVideo()) {
            source.connect(sink, MediaType.VIDEO);
        }
    }

    private void releaseAll(RoomMedia room, List<LinkEndpoint> created) {
        for (LinkEndpoint opened : created) {
            room.endpoints.remove(opened.link.id(), opened);
            room.publishers.remove(opened.link.publisher(), opened);
            release(opened.endpoint, opened.session);
        }
    }

    private void relay(RoomMedia room, MediaLink link, MediaSignal signal) {
        LinkEndpoint target = room.endpoints.get(link.id());
        if (target == null || !Objects.equals(target.session, connection.sessionId())) {
            LOG.log(System.Logger.Level.DEBUG, "Signal on {0} dropped: no endpoint in this KMS session", link.id());
            return;
        }
        try {
            if (signal instanceof SessionDescription description) {
                if (description.type() != SessionDescription.Type.OFFER) {
                    LOG.log(System.Logger.Level.DEBUG, "Answer on {0} ignored: KMS never offers here", link.id());
                    return;
                }
                String answer = target.endpoint.processOffer(description.sdp());
                toDomain(room, link.id(), new SessionDescription(SessionDescription.Type.ANSWER, answer));
                // Only after the answer is queued, so candidates never overtake it.
                if (!target.gathering) {
                    target.gathering = true;
                    target.endpoint.gatherCandidates();
                }
            } else if (signal instanceof IceCandidate candidate && !candidate.candidate().isEmpty()) {
                target.endpoint.addIceCandidate(new org.kurento.client.IceCandidate(candidate.candidate(),
                        candidate.sdpMid() == null ? "" : candidate.sdpMid(),
                        candidate.sdpMLineIndex() == null ? 0 : candidate.sdpMLineIndex()));
            }
            connection.requestAnswered();
        } catch (ChatException e) {
            LOG.log(System.Logger.Level.WARNING, "KMS reply on {0} refused: {1}", link.id(), e.getMessage());
        } catch (RuntimeException e) {
            connection.requestFailed(e);
            LOG.log(System.Logger.Level.WARNING, "KMS failed a request on link {0}: {1}", link.id(), e.toString());
        }
    }

    private void candidateFound(RoomMedia room, LinkEndpoint source, IceCandidateFoundEvent event) {
        org.kurento.client.IceCandidate found = event.getCandidate();
        IceCandidate candidate;
        try {
            candidate = new IceCandidate(found.getCandidate(), found.getSdpMid(), found.getSdpMLineIndex());
        } catch (ChatException e) {
            LOG.log(System.Logger.Level.DEBUG, "KMS candidate dropped: {0}", e.getMessage());
            return;
        }
        toDomain(room, source.link.id(), candidate);
    }

    private void toDomain(RoomMedia room, LinkId link, MediaSignal signal) {
        room.toDomain.execute(() -> {
            MediaServerEvents listener = events;
            if (listener != null) {
                listener.signalFromMediaServer(room.id, link, signal);
            }
        });
    }

    /** Releases an object of a live session; one whose session ended went with it. */
    private void release(MediaObject object, String session) {
        release(object, session, 1);
    }

    private void release(MediaObject object, String session, int attempt) {
        if (session == null || !session.equals(connection.sessionId())) {
            return;
        }
        try {
            object.release();
            connection.requestAnswered();
        } catch (KurentoServerException e) {
            LOG.log(System.Logger.Level.DEBUG, "KMS no longer has {0}: {1}", object.getId(), e.getMessage());
        } catch (RuntimeException e) {
            connection.requestFailed(e);
            if (attempt >= RELEASE_ATTEMPTS) {
                LOG.log(System.Logger.Level.WARNING, "Gave up releasing {0}: {1}", object.getId(), e.toString());
                return;
            }
            synchronized (releaseLater) {
                releaseLater.add(new PendingRelease(object, session, attempt + 1));
            }
            LOG.log(System.Logger.Level.DEBUG, "Release postponed until KMS is back: {0}", e.toString());
            if (connection.isConnected()) {
                // The session already resumed while this request failed; nobody else will retry it.
                pool.execute(this::retryPostponedReleases);
            }
        }
    }

    private void retryPostponedReleases() {
        List<PendingRelease> retry;
        synchronized (releaseLater) {
            retry = List.copyOf(releaseLater);
            releaseLater.clear();
        }
        retry.forEach(pending -> release(pending.object(), pending.session(), pending.attempt()));
    }

    private void onSessionChanged(String sessionId) {
        synchronized (releaseLater) {
            releaseLater.clear();
        }
        rooms.values().forEach(room -> room.kms.execute(() -> resetIfMediaLost(room)));
    }

    private void onSessionResumed(String sessionId) {
        pool.execute(() -> {
            retryPostponedReleases();
            Set<String> alive = livePipelines();
            rooms.values().forEach(room -> room.kms.execute(() -> {
                if (alive != null && room.pipeline != null && !alive.contains(room.pipeline.getId())) {
                    // Not a true resume: KMS took the old session id but lost the objects (it restarted).
                    LOG.log(System.Logger.Level.INFO, "KMS no longer holds the pipeline of room {0}", room.id);
                    room.pipeline = null;
                }
                resetIfMediaLost(room);
            }));
        });
    }

    /** The pipelines KMS holds now, or null when it cannot tell. */
    private Set<String> livePipelines() {
        try {
            Set<String> ids = new java.util.HashSet<>();
            connection.requireClient().getServerManager().getPipelines().forEach(pipeline -> ids.add(pipeline.getId()));
            connection.requestAnswered();
            return ids;
        } catch (RuntimeException e) {
            connection.requestFailed(e);
            LOG.log(System.Logger.Level.DEBUG, "KMS pipelines not listed after a resume: {0}", e.toString());
            return null;
        }
    }

    /**
     * When the room's objects died with an old KMS session, or a reset could not rebuild them, asks
     * the domain to close and re-plan the room's links; browsers then renegotiate. Runs on the
     * room's executor, once per session change or reconnection, so it never loops.
     */
    private void resetIfMediaLost(RoomMedia room) {
        boolean stale = room.pipeline != null && !Objects.equals(room.session, connection.sessionId());
        if (room.pipeline != null && !stale) {
            return;
        }
        room.forget();
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

    /**
     * Runs {@code work} on the room's executor and waits for it at most the operation timeout. If the
     * caller gave up first, whatever the work still produces is handed to {@code undo}.
     */
    private <T> T onRoom(RoomMedia room, Supplier<T> work, Consumer<T> undo) {
        AtomicInteger phase = new AtomicInteger(WAITING);
        CompletableFuture<T> result = new CompletableFuture<>();
        room.kms.execute(() -> {
            if (!phase.compareAndSet(WAITING, RUNNING)) {
                return;
            }
            try {
                T value = work.get();
                connection.requestAnswered();
                if (phase.compareAndSet(RUNNING, DONE)) {
                    result.complete(value);
                } else {
                    undo.accept(value);
                }
            } catch (RuntimeException e) {
                phase.set(DONE);
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(settings.operationTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return finishedAnyway(phase, result, "KMS did not answer within " + settings.operationTimeout().toMillis()
                    + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return finishedAnyway(phase, result, "interrupted while waiting for KMS");
        } catch (ExecutionException e) {
            throw unavailable(e.getCause());
        }
    }

    private <T> T finishedAnyway(AtomicInteger phase, CompletableFuture<T> result, String why) {
        if (phase.getAndSet(ABANDONED) == DONE) {
            try {
                return result.join();
            } catch (CompletionException e) {
                throw unavailable(e.getCause());
            }
        }
        connection.requestFailed(new TimeoutException(why));
        LOG.log(System.Logger.Level.WARNING, "Media refused: {0}", why);
        throw new ChatException(ErrorCode.MEDIA_UNAVAILABLE,
                "Video is unavailable right now: the media server is not answering. Try again shortly.");
    }

    private ChatException unavailable(Throwable cause) {
        if (cause instanceof ChatException chat) {
            return chat;
        }
        connection.requestFailed(cause);
        LOG.log(System.Logger.Level.WARNING, "KMS request failed: {0}", String.valueOf(cause));
        return new ChatException(ErrorCode.MEDIA_UNAVAILABLE,
                "Video is unavailable right now: the media server could not set up your media. Try again shortly.");
    }

    /** A publishing link joins its publisher to the server; a receiving link joins a viewer. */
    private static boolean isPublishing(MediaLink link) {
        return link.offerer().is(link.publisher()) || link.answerer().is(link.publisher());
    }
}
