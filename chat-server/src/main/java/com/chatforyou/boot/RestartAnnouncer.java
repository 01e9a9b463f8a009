package com.chatforyou.boot;

import com.chatforyou.domain.port.in.CloseAllRoomsUseCase;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The first thing to happen at shutdown: readiness goes DOWN (REFUSING_TRAFFIC) so the load balancer
 * sends nobody new, then every participant is told the server is restarting and every room is closed,
 * its media released. It runs on the context's close event, which comes before any lifecycle bean (the
 * web server, the STOMP broker, the WebSockets) stops, so the message still goes out. A lifecycle
 * stop alone (as when Spring's test framework pauses an idle context) is not a shutdown.
 */
class RestartAnnouncer implements ApplicationListener<ContextClosedEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(RestartAnnouncer.class);
    /** Polling step while the outbound channel drains; the whole wait is bounded by {@code drainLimit}. */
    private static final long DRAIN_STEP_MILLIS = 20;

    private final ApplicationContext context;
    private final CloseAllRoomsUseCase rooms;
    private final Executor outbound;
    private final Duration drainLimit;
    private volatile boolean announced;

    /**
     * @param outbound   the STOMP client outbound channel's executor, which writes to the WebSockets
     * @param drainLimit how long to wait for the restart messages to be written before the sessions close
     */
    RestartAnnouncer(ApplicationContext context, CloseAllRoomsUseCase rooms, Executor outbound,
                     Duration drainLimit) {
        this.context = context;
        this.rooms = rooms;
        this.outbound = outbound;
        this.drainLimit = drainLimit;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        if (event.getApplicationContext() != context || announced) {
            return;
        }
        announced = true;
        AvailabilityChangeEvent.publish(context, this, ReadinessState.REFUSING_TRAFFIC);
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
}
