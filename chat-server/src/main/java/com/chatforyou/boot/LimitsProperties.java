package com.chatforyou.boot;

import com.chatforyou.adapter.signaling.limits.RateLimit;
import com.chatforyou.adapter.signaling.limits.RateLimitSettings;
import com.chatforyou.adapter.signaling.limits.WebSocketLimits;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** What one client may send and how much it may make the server hold for it; see docs/limits.md. */
@ConfigurationProperties("chatforyou.limits")
public record LimitsProperties(
        @DefaultValue WebSocket websocket,
        @DefaultValue({"5", "20"}) Rate chat,
        @DefaultValue({"50", "200"}) Rate negotiation,
        @DefaultValue({"5", "20"}) Rate requests,
        @DefaultValue({"1", "20"}) Rate refusals) {

    public record WebSocket(
            @DefaultValue("128KB") DataSize messageSize,
            @DefaultValue("10s") Duration sendTimeLimit,
            @DefaultValue("512KB") DataSize sendBufferSize) {

        WebSocketLimits toLimits() {
            return new WebSocketLimits(Math.toIntExact(messageSize.toBytes()), sendTimeLimit,
                    Math.toIntExact(sendBufferSize.toBytes()));
        }
    }

    /** {@code rate} messages per second on average, {@code burst} at once. */
    public record Rate(double rate, int burst) {
        RateLimit toLimit() {
            return new RateLimit(rate, burst);
        }
    }

    RateLimitSettings rateLimits() {
        return new RateLimitSettings(chat.toLimit(), negotiation.toLimit(), requests.toLimit(), refusals.toLimit());
    }
}
