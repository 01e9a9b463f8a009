package com.chatforyou.adapter.signaling.limits;

/**
 * A token bucket's shape: {@code burst} messages at once, refilled at {@code perSecond}.
 */
public record RateLimit(double perSecond, int burst) {
    public RateLimit {
        if (!(perSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("a rate limit needs perSecond > 0 and burst >= 1");
        }
    }
}
