package com.chatforyou.adapter.signaling.limits;

import com.chatforyou.adapter.signaling.ErrorReplies;
import com.chatforyou.adapter.signaling.SignalingDestinations;
import com.chatforyou.domain.model.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Token buckets per connection for chat, media negotiation and other requests. A SEND over its limit
 * is dropped and answered with a typed {@code rate-limited} error to that connection only. A connection
 * that keeps going past its refusal budget gets a STOMP ERROR frame ({@code message:rate-limited}),
 * after which Spring closes it; its seat is then released like any lost connection.
 */
public class SessionRateLimiter implements ChannelInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(SessionRateLimiter.class);
    private static final String CHAT = SignalingDestinations.APPLICATION_PREFIX + "/chat.send";
    private static final String NEGOTIATION_PREFIX = SignalingDestinations.APPLICATION_PREFIX + "/link.";
    private static final String MEDIA_STATE = SignalingDestinations.APPLICATION_PREFIX + "/media.state";
    static final String CLOSING_MESSAGE = "Too many messages over the rate limit; the connection is closed";
    /** Set in the WebSocket session's attributes at DISCONNECT, so a late SEND cannot bring its buckets back. */
    private static final String CLOSED = SessionRateLimiter.class.getName() + ".closed";

    private final RateLimitSettings settings;
    private final ErrorReplies errors;
    private final MessageChannel toClients;
    private final LongSupplier nanoClock;
    private final Map<String, SessionBuckets> sessions = new ConcurrentHashMap<>();

    /**
     * @param toClients the channel to the WebSocket sessions ({@code clientOutboundChannel}), for the closing ERROR frame
     * @param nanoClock monotonic nanoseconds, as {@link System#nanoTime()}
     */
    public SessionRateLimiter(RateLimitSettings settings, ErrorReplies errors, MessageChannel toClients,
                              LongSupplier nanoClock) {
        this.settings = settings;
        this.errors = errors;
        this.toClients = toClients;
        this.nanoClock = nanoClock;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        SimpMessageType type = SimpMessageHeaderAccessor.getMessageType(message.getHeaders());
        String sessionId = SimpMessageHeaderAccessor.getSessionId(message.getHeaders());
        if (sessionId == null) {
            return message;
        }
        Map<String, Object> attributes = SimpMessageHeaderAccessor.getSessionAttributes(message.getHeaders());
        if (type == SimpMessageType.DISCONNECT) {
            if (attributes != null) {
                attributes.put(CLOSED, Boolean.TRUE);
            }
            sessions.remove(sessionId);
            return message;
        }
        if (type != SimpMessageType.MESSAGE) {
            return message;
        }
        if (attributes != null && attributes.containsKey(CLOSED)) {
            // A SEND read before the close but handled after it: the connection is gone, so nothing is
            // left to limit, and the application refuses it as for any departed connection.
            return message;
        }
        long now = nanoClock.getAsLong();
        SessionBuckets buckets = sessions.computeIfAbsent(sessionId, id -> new SessionBuckets(settings, now));
        String destination = SimpMessageHeaderAccessor.getDestination(message.getHeaders());
        if (buckets.bucketFor(destination).tryTake(now)) {
            return message;
        }
        if (buckets.refusals.tryTake(now)) {
            errors.refuse(message, ErrorCode.RATE_LIMITED, "Too many messages; slow down");
        } else {
            close(sessionId, message);
        }
        return null;
    }

    /** Connections currently tracked; zero once every connection has closed. */
    public int trackedSessions() {
        return sessions.size();
    }

    private void close(String sessionId, Message<?> offending) {
        var connection = SimpMessageHeaderAccessor.getUser(offending.getHeaders());
        LOG.info("Closing connection {} for sustained rate-limit abuse", connection == null ? sessionId : connection.getName());
        StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
        error.setSessionId(sessionId);
        error.setMessage(ErrorCode.RATE_LIMITED.wireCode());
        error.setLeaveMutable(true);
        toClients.send(MessageBuilder.createMessage(CLOSING_MESSAGE.getBytes(StandardCharsets.UTF_8),
                error.getMessageHeaders()));
    }

    private static final class SessionBuckets {
        final TokenBucket chat;
        final TokenBucket negotiation;
        final TokenBucket requests;
        final TokenBucket refusals;

        SessionBuckets(RateLimitSettings settings, long now) {
            chat = new TokenBucket(settings.chat(), now);
            negotiation = new TokenBucket(settings.negotiation(), now);
            requests = new TokenBucket(settings.requests(), now);
            refusals = new TokenBucket(settings.refusals(), now);
        }

        TokenBucket bucketFor(String destination) {
            if (CHAT.equals(destination)) {
                return chat;
            }
            if (destination != null && (destination.startsWith(NEGOTIATION_PREFIX) || MEDIA_STATE.equals(destination))) {
                return negotiation;
            }
            return requests;
        }
    }
}
