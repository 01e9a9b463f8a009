package com.chatforyou.adapter.signaling.limits;

import java.time.Duration;

/**
 * Transport limits per WebSocket connection.
 *
 * @param messageSizeBytes    largest inbound WebSocket message; a larger one closes the connection (1009)
 * @param sendTimeLimit       how long one send to a client may take before that client is cut off
 * @param sendBufferSizeBytes how much may queue for a client that does not read before it is cut off
 * @param bufferSizeBytes     the servlet container's read buffer per connection, allocated up front for every
 *                            connection; a message larger than it arrives in parts and is reassembled up to
 *                            {@code messageSizeBytes}. At or above {@code messageSizeBytes}, messages arrive whole
 * @param maxConnections      WebSocket connections open at once, joined or not; more are refused with HTTP 503
 */
public record WebSocketLimits(int messageSizeBytes, Duration sendTimeLimit, int sendBufferSizeBytes,
                              int bufferSizeBytes, int maxConnections) {
    public static final WebSocketLimits DEFAULTS = new WebSocketLimits(128 * 1024, Duration.ofSeconds(10),
            512 * 1024, 2 * 1024, 1_000);

    public WebSocketLimits {
        if (messageSizeBytes < 1 || sendBufferSizeBytes < 1 || bufferSizeBytes < 1 || maxConnections < 1
                || sendTimeLimit.isNegative() || sendTimeLimit.isZero()) {
            throw new IllegalArgumentException("WebSocket limits must be positive");
        }
    }

    /** Whether messages larger than the container's buffer are taken in parts. */
    public boolean partialMessages() {
        return bufferSizeBytes < messageSizeBytes;
    }

    /** What the container allocates for each connection's text (and binary) messages. */
    public int containerBufferSize() {
        return Math.min(bufferSizeBytes, messageSizeBytes);
    }
}
