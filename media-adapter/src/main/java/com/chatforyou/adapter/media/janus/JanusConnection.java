package com.chatforyou.adapter.media.janus;

import com.chatforyou.domain.model.ChatException;
import com.chatforyou.domain.model.ErrorCode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The app's connection to one Janus server: one WebSocket and one Janus session on it, kept alive,
 * re-created when Janus drops it, and never blocking a caller longer than its timeout. Requests are
 * correlated with their replies by transaction (an asynchronous request answers "ack", then an
 * "event" with the same transaction); events for a handle go to the listener it was attached with.
 * Everything about one server lives here, so several servers mean several instances.
 */
public final class JanusConnection implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(JanusConnection.class.getName());
    static final String VIDEOROOM = "janus.plugin.videoroom";
    /** Marks the app's handles, so an operator can tell them apart in the Admin API. */
    static final String OPAQUE_ID = "chatforyou";

    /** What the adapter hears about sessions; called on the connection's own threads, never under a lock. */
    interface SessionListener {
        /** A new session exists; everything of an earlier session is gone on the server. */
        void sessionStarted(long sessionId);

        /** The session ended (Janus died, dropped the socket, or timed the session out). */
        void sessionLost(long sessionId, String why);
    }

    /** Events Janus sends about one handle outside a request's reply: trickle, webrtcup, media, hangup... */
    interface HandleListener {
        void event(JsonNode message);
    }

    private enum State { CONNECTING, CONNECTED, DOWN, CLOSED }

    private record Pending(CompletableFuture<JsonNode> reply, boolean ackIsFinal) {
    }

    private final JanusSettings settings;
    private final HttpClient http;
    /** The WebSocket client's threads; the client itself stops once unreachable (Java 17 has no shutdown). */
    private final ExecutorService httpThreads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "janus-websocket");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "janus-connection");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<Long, HandleListener> handles = new ConcurrentHashMap<>();
    private final String transactionPrefix = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    private final AtomicLong transactions = new AtomicLong();

    private final Object lock = new Object();
    private SessionListener listener;
    private JanusSocket socket;
    private Long sessionId;
    private State state = State.CONNECTING;
    private String detail = "not connected yet";
    private boolean timingOut;
    private Duration nextRetryDelay;
    private ScheduledFuture<?> pendingAttempt;
    private ScheduledFuture<?> keepalive;
    private boolean started;

    public JanusConnection(JanusSettings settings) {
        this.settings = settings;
        this.nextRetryDelay = settings.firstRetryDelay();
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).executor(httpThreads).build();
    }

    /** Starts connecting in the background and returns at once. */
    void start(SessionListener sessionListener) {
        synchronized (lock) {
            if (started) {
                return;
            }
            started = true;
            listener = sessionListener;
        }
        attemptIn(Duration.ZERO);
    }

    JanusSettings settings() {
        return settings;
    }

    /** The current session, or a MEDIA_UNAVAILABLE refusal (and a connection attempt soon). */
    long requireSession() {
        synchronized (lock) {
            if (state == State.CONNECTED && sessionId != null) {
                return sessionId;
            }
            if (state != State.CLOSED) {
                attemptIn(Duration.ZERO);
            }
            LOG.log(System.Logger.Level.DEBUG, "Media refused: {0}", detail);
        }
        throw new ChatException(ErrorCode.MEDIA_UNAVAILABLE,
                "Video is unavailable right now: the media server cannot be reached. Try again shortly.");
    }

    /** Whether {@code session} is still the one the app holds. */
    boolean isCurrent(long session) {
        synchronized (lock) {
            return sessionId != null && sessionId == session && state == State.CONNECTED;
        }
    }

    JanusStatus status() {
        synchronized (lock) {
            boolean up = state == State.CONNECTED && sessionId != null && !timingOut;
            String why = up ? null
                    : state == State.CONNECTED ? "Janus did not answer within " + settings.requestTimeout().toMillis() + " ms"
                    : detail;
            return new JanusStatus(up, settings.displayUrl(), state.name().toLowerCase(), sessionId, why);
        }
    }

    /** Sessions the app holds on this server: one while connected. */
    int liveSessions() {
        synchronized (lock) {
            return sessionId == null ? 0 : 1;
        }
    }

    /** Handles the app has attached and not yet detached. */
    int liveHandles() {
        return handles.size();
    }

    /** Attaches a videoroom handle in {@code session}; its events go to {@code events}. */
    CompletableFuture<Long> attach(long session, HandleListener events) {
        ObjectNode attach = message("attach");
        attach.put("plugin", VIDEOROOM);
        attach.put("opaque_id", OPAQUE_ID);
        return request(session, attach, false).thenApply(reply -> {
            long handle = reply.path("data").path("id").asLong();
            handles.put(handle, events);
            return handle;
        });
    }

    /** Detaches a handle: Janus closes its PeerConnection and the plugin forgets it. */
    CompletableFuture<JsonNode> detach(long session, long handle) {
        handles.remove(handle);
        ObjectNode detach = message("detach");
        detach.put("handle_id", handle);
        return request(session, detach, false);
    }

    /**
     * Sends a plugin request on a handle, with an SDP when {@code jsep} is not null. Completes with
     * Janus' final reply: "success" for a synchronous request, the "event" for an asynchronous one.
     */
    CompletableFuture<JsonNode> message(long session, long handle, JsonNode body, JsonNode jsep) {
        ObjectNode message = message("message");
        message.put("handle_id", handle);
        message.set("body", body);
        if (jsep != null) {
            message.set("jsep", jsep);
        }
        return request(session, message, false);
    }

    /** Trickles one candidate ({@code candidate} null: the browser has no more). */
    CompletableFuture<JsonNode> trickle(long session, long handle, JsonNode candidate) {
        ObjectNode trickle = message("trickle");
        trickle.put("handle_id", handle);
        if (candidate == null) {
            trickle.set("candidate", JanusSocket.JSON.createObjectNode().put("completed", true));
        } else {
            trickle.set("candidate", candidate);
        }
        return request(session, trickle, true);
    }

    /** Destroys the session (best effort, bounded) and closes the socket. */
    @Override
    public void close() {
        JanusSocket closing;
        Long session;
        synchronized (lock) {
            if (state == State.CLOSED) {
                return;
            }
            session = state == State.CONNECTED ? sessionId : null;
            closing = socket;
        }
        if (session != null && closing != null) {
            try {
                request(session, message("destroy"), false).get(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "Janus session not destroyed: {0}", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (lock) {
            state = State.CLOSED;
            detail = "closed";
            socket = null;
            sessionId = null;
            cancelKeepalive();
        }
        handles.clear();
        if (closing != null) {
            closing.abort("closed by the app");
        }
        failPending("the connection to Janus was closed");
        timer.shutdownNow();
        httpThreads.shutdownNow();
    }

    private ObjectNode message(String janus) {
        ObjectNode message = JanusSocket.JSON.createObjectNode();
        message.put("janus", janus);
        return message;
    }

    /** Sends a session-scoped request, bounded by the request timeout. */
    private CompletableFuture<JsonNode> request(long session, ObjectNode message, boolean ackIsFinal) {
        JanusSocket current;
        synchronized (lock) {
            current = sessionId != null && sessionId == session && state == State.CONNECTED ? socket : null;
        }
        if (current == null) {
            return CompletableFuture.failedFuture(new JanusException(JanusException.NO_SUCH_SESSION,
                    "the session " + session + " is gone"));
        }
        message.put("session_id", session);
        return send(current, message, ackIsFinal);
    }

    private CompletableFuture<JsonNode> send(JanusSocket through, ObjectNode message, boolean ackIsFinal) {
        String transaction = transactionPrefix + "-" + transactions.incrementAndGet();
        message.put("transaction", transaction);
        if (settings.apiSecret() != null) {
            message.put("apisecret", settings.apiSecret());
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(transaction, new Pending(reply, ackIsFinal));
        through.send(message);
        return reply.orTimeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((answer, failure) -> {
                    pending.remove(transaction);
                    if (failure instanceof TimeoutException) {
                        synchronized (lock) {
                            timingOut = true;
                        }
                        LOG.log(System.Logger.Level.WARNING, "Janus did not answer a {0} within {1} ms",
                                message.path("janus").asString(), settings.requestTimeout().toMillis());
                    }
                });
    }

    private void received(JanusSocket from, JsonNode message) {
        synchronized (lock) {
            if (from != socket) {
                return;
            }
            timingOut = false;
        }
        String type = message.path("janus").asString();
        JsonNode transaction = message.get("transaction");
        if (transaction != null && transaction.isString()) {
            Pending waiting = pending.get(transaction.asString());
            if (waiting != null) {
                if (!"ack".equals(type) || waiting.ackIsFinal()) {
                    resolve(waiting.reply(), type, message);
                }
                return;
            }
        }
        if ("timeout".equals(type)) {
            lost(from, "Janus timed out the session", Duration.ZERO);
            return;
        }
        long sender = message.path("sender").asLong(0);
        HandleListener handle = sender == 0 ? null : handles.get(sender);
        if (handle != null) {
            if ("detached".equals(type)) {
                handles.remove(sender);
            }
            handle.event(message);
        }
    }

    private static void resolve(CompletableFuture<JsonNode> reply, String type, JsonNode message) {
        if ("error".equals(type)) {
            JsonNode error = message.path("error");
            reply.completeExceptionally(new JanusException(error.path("code").asInt(), error.path("reason").asString()));
            return;
        }
        JsonNode data = message.path("plugindata").path("data");
        if (data.has("error_code")) {
            reply.completeExceptionally(new JanusException(data.path("error_code").asInt(), data.path("error").asString()));
            return;
        }
        reply.complete(message);
    }

    private void attemptIn(Duration delay) {
        synchronized (lock) {
            if (state == State.CLOSED || socket != null) {
                return;
            }
            if (pendingAttempt != null && !pendingAttempt.isDone()) {
                if (pendingAttempt.getDelay(TimeUnit.MILLISECONDS) <= delay.toMillis() || !pendingAttempt.cancel(false)) {
                    return;
                }
            }
            try {
                pendingAttempt = timer.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closed) {
                // Closed meanwhile.
            }
        }
    }

    private void attempt() {
        synchronized (lock) {
            pendingAttempt = null;
            if (state == State.CLOSED || socket != null) {
                return;
            }
            state = State.CONNECTING;
        }
        JanusSocket opened;
        SocketEvents events = new SocketEvents();
        try {
            opened = JanusSocket.open(http, settings.url(), "janus-protocol", settings.connectTimeout(), events);
        } catch (IOException | RuntimeException e) {
            failed("Janus at " + settings.displayUrl() + " is not reachable: " + e.getMessage());
            return;
        }
        events.socket = opened;
        long session;
        try {
            synchronized (lock) {
                socket = opened;
            }
            JsonNode created = send(opened, message("create"), false)
                    .get(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
            session = created.path("data").path("id").asLong();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            synchronized (lock) {
                socket = null;
            }
            opened.abort("no session");
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            failed("Janus at " + settings.displayUrl() + " did not create a session: "
                    + (cause instanceof TimeoutException ? "no answer within " + settings.connectTimeout().toMillis()
                    + " ms" : cause.getMessage()));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            opened.abort("interrupted");
            return;
        }
        SessionListener notify;
        synchronized (lock) {
            if (state == State.CLOSED || socket != opened) {
                opened.abort("closed meanwhile");
                return;
            }
            sessionId = session;
            state = State.CONNECTED;
            detail = null;
            timingOut = false;
            nextRetryDelay = settings.firstRetryDelay();
            long every = settings.keepaliveInterval().toMillis();
            keepalive = timer.scheduleWithFixedDelay(() -> keepAlive(opened, session), every, every, TimeUnit.MILLISECONDS);
            notify = listener;
        }
        LOG.log(System.Logger.Level.INFO, "Connected to Janus at {0} (session {1})", settings.displayUrl(),
                Long.toString(session));
        notify.sessionStarted(session);
    }

    private void keepAlive(JanusSocket through, long session) {
        request(session, message("keepalive"), true).whenComplete((reply, failure) -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof JanusException janus && janus.code() == JanusException.NO_SUCH_SESSION) {
                lost(through, "Janus no longer knows the session", Duration.ZERO);
            }
        });
    }

    private void failed(String why) {
        Duration delay;
        synchronized (lock) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.DOWN;
            detail = why;
            delay = nextRetryDelay;
            Duration doubled = nextRetryDelay.multipliedBy(2);
            nextRetryDelay = doubled.compareTo(settings.maxRetryDelay()) > 0 ? settings.maxRetryDelay() : doubled;
        }
        LOG.log(System.Logger.Level.WARNING, "{0}; retrying in {1} ms", why, delay.toMillis());
        attemptIn(delay);
    }

    /** The socket or the session of {@code from} is gone: forget everything of it and connect anew. */
    private void lost(JanusSocket from, String why, Duration retryIn) {
        Long lostSession;
        SessionListener notify;
        synchronized (lock) {
            if (from != socket || state == State.CLOSED) {
                return;
            }
            lostSession = sessionId;
            socket = null;
            sessionId = null;
            state = State.DOWN;
            detail = why;
            cancelKeepalive();
            notify = listener;
        }
        from.abort(why);
        handles.clear();
        failPending(why);
        LOG.log(System.Logger.Level.WARNING, "Janus at {0}: {1}; connecting anew", settings.displayUrl(), why);
        if (lostSession != null) {
            notify.sessionLost(lostSession, why);
        }
        attemptIn(retryIn);
    }

    private void failPending(String why) {
        for (String transaction : List.copyOf(pending.keySet())) {
            Pending waiting = pending.remove(transaction);
            if (waiting != null) {
                waiting.reply().completeExceptionally(new JanusException(JanusException.NO_SUCH_SESSION, why));
            }
        }
    }

    private void cancelKeepalive() {
        if (keepalive != null) {
            keepalive.cancel(false);
            keepalive = null;
        }
    }

    /** Follows one socket; a socket already replaced is ignored. */
    private final class SocketEvents implements JanusSocket.Listener {
        private volatile JanusSocket socket;

        @Override
        public void message(JsonNode message) {
            JanusSocket from = socket;
            if (from != null) {
                received(from, message);
            }
        }

        @Override
        public void closed(String why) {
            JanusSocket from = socket;
            if (from != null) {
                lost(from, "connection to Janus lost (" + why + ")", settings.firstRetryDelay());
            }
        }
    }
}
