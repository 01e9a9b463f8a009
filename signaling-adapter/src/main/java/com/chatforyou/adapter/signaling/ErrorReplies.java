package com.chatforyou.adapter.signaling;

import com.chatforyou.adapter.signaling.dto.ErrorEvent;
import com.chatforyou.domain.model.ErrorCode;
import java.security.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageSendingOperations;

/**
 * Sends a typed {@code error} event to the one connection whose message was refused, and logs the
 * refusal once. The connection stays open.
 */
public class ErrorReplies {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorReplies.class);
    private static final String INTERNAL_ERROR_MESSAGE = "Something went wrong on the server";
    private static final int MAX_LOGGED_LENGTH = 200;

    private final SimpMessageSendingOperations messaging;

    public ErrorReplies(SimpMessageSendingOperations messaging) {
        this.messaging = messaging;
    }

    /**
     * An expected refusal: one log line, no stack trace. At most {@value #LOGGED_REFUSALS_PER_SECOND}
     * lines a second: a flood of refusals (a brute force, a fuzzer) must not turn logging into the
     * bottleneck or bury other lines, so the rest are counted and reported in one line.
     */
    public void refuse(Message<?> offending, ErrorCode code, String message) {
        Principal connection = SimpMessageHeaderAccessor.getUser(offending.getHeaders());
        String destination = SimpMessageHeaderAccessor.getDestination(offending.getHeaders());
        if (LOG.isInfoEnabled()) {
            int suppressed = logBudget.take(System.nanoTime());
            if (suppressed >= 0) {
                if (suppressed > 0) {
                    LOG.info("{} more refusals in the last second were not logged", suppressed);
                }
                LOG.info("Refused {} from connection {}: {} ({})", forLog(destination), nameOf(connection),
                        code.wireCode(), forLog(message));
            }
        }
        send(connection, new ErrorEvent(code.wireCode(), message, destination));
    }

    static final int LOGGED_REFUSALS_PER_SECOND = 20;
    private final LogBudget logBudget = new LogBudget(LOGGED_REFUSALS_PER_SECOND);

    /** So many lines per second; the refusals over it are counted for the next line that may be logged. */
    static final class LogBudget {
        private final int perSecond;
        private long second = Long.MIN_VALUE;
        private int used;
        private int suppressed;

        LogBudget(int perSecond) {
            this.perSecond = perSecond;
        }

        /** @return -1 when this line is not to be logged, else how many were suppressed before it */
        synchronized int take(long nowNanos) {
            long current = nowNanos / 1_000_000_000L;
            if (current != second) {
                second = current;
                used = 0;
            }
            if (used >= perSecond) {
                suppressed++;
                return -1;
            }
            used++;
            int before = suppressed;
            suppressed = 0;
            return before;
        }
    }

    /** A server fault: logged with its stack trace; the client learns nothing about it. */
    public void reportFault(Message<?> offending, Throwable fault) {
        Principal connection = SimpMessageHeaderAccessor.getUser(offending.getHeaders());
        String destination = SimpMessageHeaderAccessor.getDestination(offending.getHeaders());
        LOG.error("Failed to handle {} from connection {}", forLog(destination), nameOf(connection), fault);
        send(connection, new ErrorEvent(ErrorCode.INTERNAL_ERROR.wireCode(), INTERNAL_ERROR_MESSAGE, destination));
    }

    private void send(Principal connection, ErrorEvent error) {
        if (connection != null) {
            messaging.convertAndSendToUser(connection.getName(), SignalingDestinations.EVENTS_QUEUE, error);
        }
    }

    private static String nameOf(Principal connection) {
        return connection == null ? "(unknown)" : connection.getName();
    }

    /** Client-supplied text must not forge log lines or flood the log. */
    private static String forLog(String text) {
        if (text == null) {
            return "(none)";
        }
        String shortened = text.length() > MAX_LOGGED_LENGTH ? text.substring(0, MAX_LOGGED_LENGTH) + "…" : text;
        return shortened.replaceAll("\\p{Cntrl}", "?");
    }
}
