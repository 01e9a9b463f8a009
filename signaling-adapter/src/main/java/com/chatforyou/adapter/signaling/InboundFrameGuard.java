package com.chatforyou.adapter.signaling;

import com.chatforyou.domain.model.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.ChannelInterceptor;

/**
 * Lets through only what the protocol allows: SUBSCRIBE to the connection's event queue and the
 * lobby, at most {@value #MAX_SUBSCRIPTIONS_PER_CONNECTION} times per connection, SEND to {@code /app/...}
 * with a body of at most 64 KiB. Anything else is dropped and answered with a typed error. It never
 * throws: an exception here would make Spring close the connection.
 */
public class InboundFrameGuard implements ChannelInterceptor {

    public static final int MAX_BODY_BYTES = 64 * 1024;
    /**
     * The page subscribes twice per connection. SUBSCRIBE frames are not rate-limited, and each one the broker
     * keeps costs memory until the connection closes, so a connection gets this many, however many it drops.
     */
    public static final int MAX_SUBSCRIPTIONS_PER_CONNECTION = 32;
    private static final String SUBSCRIPTIONS_MADE = InboundFrameGuard.class.getName() + ".subscriptions";
    private static final Set<String> SUBSCRIBABLE = Set.of(SignalingDestinations.USER_EVENTS,
            SignalingDestinations.LOBBY_TOPIC);
    private static final String APPLICATION_DESTINATIONS = SignalingDestinations.APPLICATION_PREFIX + "/";

    private final ErrorReplies errors;

    public InboundFrameGuard(ErrorReplies errors) {
        this.errors = errors;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        SimpMessageType type = SimpMessageHeaderAccessor.getMessageType(message.getHeaders());
        String destination = SimpMessageHeaderAccessor.getDestination(message.getHeaders());
        if (type == SimpMessageType.SUBSCRIBE && !SUBSCRIBABLE.contains(destination)) {
            return refuse(message, ErrorCode.UNKNOWN_DESTINATION, "You cannot subscribe to " + destination);
        }
        if (type == SimpMessageType.SUBSCRIBE && subscriptionsMade(message) > MAX_SUBSCRIPTIONS_PER_CONNECTION) {
            return refuse(message, ErrorCode.RATE_LIMITED, "At most " + MAX_SUBSCRIPTIONS_PER_CONNECTION
                    + " subscriptions per connection");
        }
        if (type == SimpMessageType.MESSAGE) {
            if (bodySize(message) > MAX_BODY_BYTES) {
                return refuse(message, ErrorCode.FRAME_TOO_LARGE,
                        "The message body is over the limit of " + MAX_BODY_BYTES + " bytes");
            }
            if (destination == null || !destination.startsWith(APPLICATION_DESTINATIONS)) {
                return refuse(message, ErrorCode.UNKNOWN_DESTINATION, "You cannot send to " + destination);
            }
        }
        return message;
    }

    private Message<?> refuse(Message<?> message, ErrorCode code, String reason) {
        errors.refuse(message, code, reason);
        return null;
    }

    /** Counts this SUBSCRIBE in the WebSocket session's attributes, which end with the connection. */
    private static int subscriptionsMade(Message<?> message) {
        Map<String, Object> attributes = SimpMessageHeaderAccessor.getSessionAttributes(message.getHeaders());
        if (attributes == null) {
            return 0;
        }
        return ((AtomicInteger) attributes.computeIfAbsent(SUBSCRIPTIONS_MADE, key -> new AtomicInteger()))
                .incrementAndGet();
    }

    private static int bodySize(Message<?> message) {
        Object payload = message.getPayload();
        if (payload instanceof byte[] bytes) {
            return bytes.length;
        }
        return payload instanceof String text ? text.getBytes(StandardCharsets.UTF_8).length : 0;
    }
}
