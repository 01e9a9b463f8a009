package com.chatforyou.adapter.media.kurento;

import com.chatforyou.domain.model.ChatException;
import com.chatforyou.domain.model.ErrorCode;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.kurento.client.KurentoClient;
import org.kurento.jsonrpc.client.JsonRpcClientNettyWebSocket;
import org.kurento.jsonrpc.client.JsonRpcWSConnectionListener;

/**
 * Keeps one kurento-client connection to KMS without ever blocking its callers. Connection attempts
 * run on one background thread, each bounded by {@link KmsProbe}, and back off while KMS is away.
 * Once connected, kurento-client reconnects by itself; this class follows its state and tells the
 * adapter when KMS came back with a new session (its media objects are gone) or the same one.
 */
final class KmsConnection implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(KmsConnection.class.getName());

    /** What the adapter must hear about KMS sessions. Called on kurento-client's or our threads. */
    interface SessionListener {
        /** KMS is reachable under a session that differs from the previous one (or is the first). */
        void sessionChanged(String sessionId);

        /** KMS is reachable again under the session it had before the outage. */
        void sessionResumed(String sessionId);
    }

    private enum State { CONNECTING, CONNECTED, RECONNECTING, DOWN, CLOSED }

    private final KurentoSettings settings;
    private final SessionListener listener;
    private final ScheduledExecutorService attempts = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kms-connection");
        thread.setDaemon(true);
        return thread;
    });

    private final Object lock = new Object();
    private KurentoClient client;
    private JsonRpcClientNettyWebSocket rpc;
    private State state = State.CONNECTING;
    private String detail = "not connected yet";
    private boolean requestsTimingOut;
    /** A ping is scheduled or running to see whether KMS answers again. */
    private boolean probing;
    private Duration nextRetryDelay;
    private ScheduledFuture<?> pendingAttempt;
    private boolean started;

    KmsConnection(KurentoSettings settings, SessionListener listener) {
        this.settings = settings;
        this.listener = listener;
        this.nextRetryDelay = settings.firstRetryDelay();
    }

    /** Starts connecting in the background and returns at once. */
    void start() {
        synchronized (lock) {
            if (started) {
                return;
            }
            started = true;
        }
        attemptIn(Duration.ZERO);
    }

    /** The client, when KMS is connected; otherwise a MEDIA_UNAVAILABLE refusal, and a retry soon. */
    KurentoClient requireClient() {
        synchronized (lock) {
            if (state == State.CONNECTED && client != null) {
                return client;
            }
            String reason = detail;
            if (client == null && state != State.CLOSED) {
                attemptIn(Duration.ZERO);
            }
            LOG.log(System.Logger.Level.DEBUG, "Media refused: {0}", reason);
        }
        throw new ChatException(ErrorCode.MEDIA_UNAVAILABLE,
                "Video is unavailable right now: the media server cannot be reached. Try again shortly.");
    }

    /** KMS's current session id, or null while there is no client. */
    String sessionId() {
        KurentoClient current;
        synchronized (lock) {
            current = client;
        }
        return current == null ? null : current.getSessionId();
    }

    boolean isConnected() {
        synchronized (lock) {
            return state == State.CONNECTED && client != null;
        }
    }

    void requestAnswered() {
        synchronized (lock) {
            requestsTimingOut = false;
        }
    }

    /**
     * A request timed out: health says KMS does not answer until a request is answered again. A ping
     * goes out soon, so that health (and a pool placing rooms by it) sees KMS answer again by itself.
     */
    void requestFailed(Throwable failure) {
        if (isTimeout(failure)) {
            synchronized (lock) {
                requestsTimingOut = true;
                if (probing || state == State.CLOSED) {
                    return;
                }
                probing = true;
            }
            probeIn(settings.firstRetryDelay());
        }
    }

    private void probeIn(Duration delay) {
        try {
            attempts.schedule(this::probe, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            synchronized (lock) {
                probing = false;
            }
        }
    }

    /** Pings KMS while requests time out, until it answers (or the connection is replaced). */
    private void probe() {
        JsonRpcClientNettyWebSocket current;
        synchronized (lock) {
            if (!requestsTimingOut || state != State.CONNECTED || rpc == null) {
                probing = false;
                return;
            }
            current = rpc;
        }
        try {
            JsonObject ping = new JsonObject();
            ping.addProperty("interval", settings.requestTimeout().toMillis());
            current.sendRequest("ping", ping);
            synchronized (lock) {
                requestsTimingOut = false;
                probing = false;
            }
            LOG.log(System.Logger.Level.INFO, "KMS at {0} answers again", settings.displayUrl());
        } catch (IOException | RuntimeException e) {
            probeIn(settings.maxRetryDelay().compareTo(settings.requestTimeout()) < 0 ? settings.maxRetryDelay()
                    : settings.firstRetryDelay());
        }
    }

    KmsStatus status() {
        synchronized (lock) {
            boolean up = state == State.CONNECTED && !requestsTimingOut;
            String why = up ? null
                    : state == State.CONNECTED ? "KMS did not answer within " + settings.requestTimeout().toMillis() + " ms"
                    : detail;
            String session = client == null ? null : client.getSessionId();
            return new KmsStatus(up, settings.displayUrl(), state.name().toLowerCase(), session, why);
        }
    }

    @Override
    public void close() {
        KurentoClient closing;
        synchronized (lock) {
            state = State.CLOSED;
            detail = "closed";
            closing = client;
            client = null;
            rpc = null;
        }
        attempts.shutdownNow();
        if (closing != null) {
            destroyQuietly(closing);
        }
    }

    private void attemptIn(Duration delay) {
        synchronized (lock) {
            if (state == State.CLOSED || client != null) {
                return;
            }
            if (pendingAttempt != null && !pendingAttempt.isDone()) {
                if (pendingAttempt.getDelay(TimeUnit.MILLISECONDS) <= delay.toMillis()
                        || !pendingAttempt.cancel(false)) {
                    return;
                }
            }
            pendingAttempt = attempts.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void attempt() {
        synchronized (lock) {
            pendingAttempt = null; // this one is running; the next may be scheduled
            if (state == State.CLOSED || client != null) {
                return;
            }
        }
        try {
            KmsProbe.check(settings.url(), settings.connectTimeout());
        } catch (IOException | RuntimeException e) {
            failed("KMS at " + settings.displayUrl() + " is not reachable: " + e.getMessage());
            return;
        }
        Listener events = new Listener();
        JsonRpcClientNettyWebSocket created = new JsonRpcClientNettyWebSocket(settings.url().toString(), events);
        created.setLabel("KurentoClient");
        created.setConnectionTimeout((int) settings.connectTimeout().toMillis());
        created.setRequestTimeout(settings.requestTimeout().toMillis());
        created.setTryReconnectingForever(true);
        // kurento-client marks itself closed before sending closeSession, so that message never goes
        // out and only logs a warning; close() releases the pipelines explicitly instead.
        created.setSendCloseMessage(false);
        events.rpc = created;
        KurentoClient connected;
        String session;
        try {
            connected = KurentoClient.createFromJsonRpcClientHonoringClientTimeouts(created);
            // A first request gives the client its session id, so a later change is visible.
            JsonObject ping = new JsonObject();
            ping.addProperty("interval", settings.requestTimeout().toMillis());
            created.sendRequest("ping", ping);
            session = connected.getSessionId();
        } catch (IOException | RuntimeException e) {
            closeQuietly(created);
            failed("KMS at " + settings.displayUrl() + " did not complete the connection: " + e.getMessage());
            return;
        }
        synchronized (lock) {
            if (state == State.CLOSED) {
                destroyQuietly(connected);
                return;
            }
            client = connected;
            rpc = created;
            state = State.CONNECTED;
            detail = null;
            requestsTimingOut = false;
            nextRetryDelay = settings.firstRetryDelay();
        }
        LOG.log(System.Logger.Level.INFO, "Connected to KMS at {0} (session {1})", settings.displayUrl(), session);
        listener.sessionChanged(session);
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

    /** How long kurento-client may take to reconnect before a new client replaces it. */
    private Duration reconnectPatience() {
        return settings.connectTimeout().plus(settings.requestTimeout()).multipliedBy(2);
    }

    private static boolean isTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.util.concurrent.TimeoutException
                    || String.valueOf(cause.getMessage()).contains("Timeout")) {
                return true;
            }
        }
        return false;
    }

    private static void destroyQuietly(KurentoClient closing) {
        try {
            closing.destroy();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Closing the KMS client failed: {0}", e.getMessage());
        }
    }

    private static void closeQuietly(JsonRpcClientNettyWebSocket closing) {
        try {
            closing.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Closing the KMS connection failed: {0}", e.getMessage());
        }
    }

    /** Follows one kurento-client instance; events from an instance already replaced are ignored. */
    private final class Listener implements JsonRpcWSConnectionListener {
        private volatile JsonRpcClientNettyWebSocket rpc;

        @Override
        public void connected() {
            // Reported by attempt() once the first ping is answered.
        }

        @Override
        public void reconnecting() {
            synchronized (lock) {
                if (isCurrent()) {
                    state = State.RECONNECTING;
                    detail = "connection to KMS lost; reconnecting";
                }
            }
            LOG.log(System.Logger.Level.WARNING, "Connection to KMS at {0} lost; reconnecting", settings.displayUrl());
            try {
                attempts.schedule(this::abandonIfStillReconnecting, reconnectPatience().toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closing) {
                // Closed meanwhile: nothing left to watch.
            }
        }

        /**
         * kurento-client's own reconnect can stall for good, as against a KMS that took the socket but
         * never answered while it resumed the session. Then this client is given up and a new one connects.
         */
        private void abandonIfStillReconnecting() {
            KurentoClient stalled;
            synchronized (lock) {
                if (!isCurrent() || state != State.RECONNECTING) {
                    return;
                }
                stalled = client;
                client = null;
                KmsConnection.this.rpc = null;
                state = State.DOWN;
                detail = "reconnecting to KMS stalled";
            }
            LOG.log(System.Logger.Level.WARNING, "Reconnecting to KMS at {0} stalled for {1} ms; connecting anew",
                    settings.displayUrl(), reconnectPatience().toMillis());
            destroyQuietly(stalled);
            attemptIn(Duration.ZERO);
        }

        @Override
        public void reconnected(boolean sameServer) {
            String session;
            synchronized (lock) {
                if (!isCurrent()) {
                    return;
                }
                state = State.CONNECTED;
                detail = null;
                requestsTimingOut = false;
                session = client.getSessionId();
            }
            LOG.log(System.Logger.Level.INFO, "Reconnected to KMS at {0} ({1} session {2})", settings.displayUrl(),
                    sameServer ? "same" : "new", session);
            if (sameServer) {
                listener.sessionResumed(session);
            } else {
                listener.sessionChanged(session);
            }
        }

        @Override
        public void disconnected() {
            lost("connection to KMS closed");
        }

        @Override
        public void connectionFailed() {
            lost("connection to KMS failed");
        }

        /** kurento-client gives a closed client up for good; a new one gets a new session. */
        private void lost(String why) {
            KurentoClient dead = null;
            synchronized (lock) {
                if (!isCurrent()) {
                    return;
                }
                if (rpc.isClosedByUser()) {
                    dead = client;
                    client = null;
                    KmsConnection.this.rpc = null;
                    state = State.DOWN;
                    detail = why;
                } else {
                    state = State.RECONNECTING;
                    detail = why + "; reconnecting";
                }
            }
            if (dead != null) {
                LOG.log(System.Logger.Level.WARNING, "{0}; connecting anew", why);
                destroyQuietly(dead);
                attemptIn(settings.firstRetryDelay());
            }
        }

        private boolean isCurrent() {
            return rpc != null && KmsConnection.this.rpc == rpc && state != State.CLOSED;
        }
    }
}
