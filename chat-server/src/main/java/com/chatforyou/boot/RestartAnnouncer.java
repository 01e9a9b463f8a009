package com.chatforyou.boot;

import com.chatforyou.domain.port.in.CloseAllRoomsUseCase;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The first thing to stop at shutdown: readiness goes DOWN (REFUSING_TRAFFIC) so the load balancer
 * sends nobody new, then every participant is told the server is restarting and every room is closed,
 * its media released. Its phase is the highest, so this runs before the web server's graceful shutdown
 * and before the STOMP broker and WebSocket sessions (phase 0) stop: the message still goes out.
 */
class RestartAnnouncer implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(RestartAnnouncer.class);
    static final int PHASE = Integer.MAX_VALUE;
    /** Polling step while the outbound channel drains; the whole wait is bounded by {@code drainLimit}. */
    private static final long DRAIN_STEP_MILLIS = 20;

    private final ApplicationEventPublisher events;
    private final CloseAllRoomsUseCase rooms;
    private final Executor outbound;
    private final Duration drainLimit;
    private volatile boolean running;

    /**
     * @param outbound   the STOMP client outbound channel's executor, which writes to the WebSockets
     * @param drainLimit how long to wait for the restart messages to be written before the sessions close
     */
    RestartAnnouncer(ApplicationEventPublisher events, CloseAllRoomsUseCase rooms, Executor outbound,
                     Duration drainLimit) {
        this.events = events;
        this.rooms = rooms;
        this.outbound = outbound;
        this.drainLimit = drainLimit;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        int told = rooms.closeAllRoomsForRestart();
        awaitOutboundDrained();
        LOG.info("Shutting down: readiness is REFUSING_TRAFFIC; {} participant(s) told the server is restarting; "
                + "every room closed and its media released", told);
    }

    /** The restart messages are queued on the outbound channel; let them reach the sockets first. */
    private void awaitOutboundDrained() {
        if (!(outbound instanceof ThreadPoolTaskExecutor pool)) {
            return;
        }
        ThreadPoolExecutor executor = pool.getThreadPoolExecutor();
        long deadline = System.nanoTime() + drainLimit.toNanos();
        while ((!executor.getQueue().isEmpty() || executor.getActiveCount() > 0) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(DRAIN_STEP_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
