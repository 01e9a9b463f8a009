package com.chatforyou.adapter.signaling.limits;

/**
 * Per-connection limits on what a client may send.
 *
 * @param chat        chat messages ({@code /app/chat.send})
 * @param negotiation media negotiation ({@code /app/link.sdp}, {@code /app/link.ice}, {@code /app/media.state})
 * @param requests    every other SEND: lobby, create, join, leave, resume, unknown destinations
 * @param refusals    how many refusals a connection may collect before it is closed; the budget refills at
 *                    its rate, so only sustained abuse ends a connection
 */
public record RateLimitSettings(RateLimit chat, RateLimit negotiation, RateLimit requests, RateLimit refusals) {
    public static final RateLimitSettings DEFAULTS = new RateLimitSettings(
            new RateLimit(5, 20), new RateLimit(50, 200), new RateLimit(5, 20), new RateLimit(1, 20));
}
