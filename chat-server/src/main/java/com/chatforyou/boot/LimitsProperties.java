package com.chatforyou.boot;

import com.chatforyou.adapter.signaling.limits.RateLimit;
import com.chatforyou.adapter.signaling.limits.RateLimitSettings;
import com.chatforyou.adapter.signaling.limits.WebSocketLimits;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** What one client may send and how much it may make the server hold for it; see docs/operations.md (Limits and abuse handling). */
@ConfigurationProperties("chatforyou.limits")
public record LimitsProperties(
        @DefaultValue WebSocket websocket,
        @DefaultValue Chat chat,
        @DefaultValue Negotiation negotiation,
        @DefaultValue Requests requests,
        @DefaultValue Refusals refusals) {

    /**
     * {@code bufferSize}: the container's buffers per connection, allocated up front for each; larger messages
     * arrive in parts (up to {@code messageSize}) and are read and written in several steps.
     * {@code maxConnections}: open at once, joined or not; when unset, derived from the participant cap.
     */
    public record WebSocket(
            @DefaultValue("128KB") DataSize messageSize,
            @DefaultValue("10s") Duration sendTimeLimit,
            @DefaultValue("512KB") DataSize sendBufferSize,
            @DefaultValue("2KB") DataSize bufferSize,
            Integer maxConnections) {

        /** {@code derivedMaxConnections}: used when {@code maxConnections} is not set. */
        WebSocketLimits toLimits(int derivedMaxConnections) {
            return new WebSocketLimits(Math.toIntExact(messageSize.toBytes()), sendTimeLimit,
                    Math.toIntExact(sendBufferSize.toBytes()), Math.toIntExact(bufferSize.toBytes()),
                    maxConnections != null ? maxConnections : derivedMaxConnections);
        }
    }

    static final DataSize DEFAULT_BUFFER_SIZE = DataSize.ofKilobytes(2);

    /** Each is {@code rate} messages per second on average and {@code burst} at once. */
    public record Chat(@DefaultValue("5") double rate, @DefaultValue("20") int burst) {
    }

    public record Negotiation(@DefaultValue("50") double rate, @DefaultValue("200") int burst) {
    }

    public record Requests(@DefaultValue("5") double rate, @DefaultValue("20") int burst) {
    }

    /** Refusals a connection may collect before it is closed, refilled at {@code rate} per second. */
    public record Refusals(@DefaultValue("1") double rate, @DefaultValue("20") int burst) {
    }

    RateLimitSettings rateLimits() {
        return new RateLimitSettings(new RateLimit(chat.rate(), chat.burst()),
                new RateLimit(negotiation.rate(), negotiation.burst()),
                new RateLimit(requests.rate(), requests.burst()),
                new RateLimit(refusals.rate(), refusals.burst()));
    }
}
