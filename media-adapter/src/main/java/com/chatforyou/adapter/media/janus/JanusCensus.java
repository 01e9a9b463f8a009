package com.chatforyou.adapter.media.janus;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * What one Janus server holds by its own count (Admin API: sessions, handles, videorooms), taken in
 * the background so that health and placement read it without a request each time.
 */
final class JanusCensus implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(JanusCensus.class.getName());

    private final JanusSettings settings;
    private final BooleanSupplier serverUp;
    private volatile JanusAdmin.Census last;
    private ScheduledExecutorService timer;

    JanusCensus(JanusSettings settings, BooleanSupplier serverUp) {
        this.settings = settings;
        this.serverUp = serverUp;
    }

    /** Counts every {@code every}; does nothing without an Admin API or when already counting. */
    synchronized void start(Duration every) {
        if (settings.adminUrl() == null || timer != null) {
            return;
        }
        JanusAdmin admin = JanusAdmin.of(settings);
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "janus-census");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                last = serverUp.getAsBoolean() ? admin.census() : null;
            } catch (java.io.IOException | RuntimeException e) {
                last = null;
                LOG.log(System.Logger.Level.DEBUG, "Janus Admin API census failed: {0}", e.toString());
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The latest count, or empty without an Admin API, before the first count, or while Janus is away. */
    Optional<JanusAdmin.Census> last() {
        return Optional.ofNullable(last);
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
