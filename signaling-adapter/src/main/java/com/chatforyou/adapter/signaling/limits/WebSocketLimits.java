package com.chatforyou.adapter.signaling.limits;

import java.time.Duration;

/**
 * Transport limits per WebSocket connection.
 *
 * @param messageSizeBytes    largest inbound WebSocket message; a larger one closes the connection
 * @param sendTimeLimit       how long one send to a client may take before that client is cut off
 * @param sendBufferSizeBytes how much may queue for a client that does not read before it is cut off
 */
public record WebSocketLimits(int messageSizeBytes, Duration sendTimeLimit, int sendBufferSizeBytes) {
    public static final WebSocketLimits DEFAULTS = new WebSocketLimits(128 * 1024, Duration.ofSeconds(10), 512 * 1024);

    public WebSocketLimits {
        if (messageSizeBytes < 1 || sendBufferSizeBytes < 1 || sendTimeLimit.isNegative() || sendTimeLimit.isZero()) {
            throw new IllegalArgumentException("WebSocket limits must be positive");
        }
    }
}
