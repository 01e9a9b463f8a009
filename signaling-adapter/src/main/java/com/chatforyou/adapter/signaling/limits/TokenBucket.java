package com.chatforyou.adapter.signaling.limits;

/** Tokens refilled continuously up to the burst; a message takes one. Time comes from the caller. */
final class TokenBucket {
    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final RateLimit limit;
    private double tokens;
    private long refilledAtNanos;

    TokenBucket(RateLimit limit, long nowNanos) {
        this.limit = limit;
        this.tokens = limit.burst();
        this.refilledAtNanos = nowNanos;
    }

    synchronized boolean tryTake(long nowNanos) {
        long elapsed = Math.max(0, nowNanos - refilledAtNanos);
        tokens = Math.min(limit.burst(), tokens + elapsed / NANOS_PER_SECOND * limit.perSecond());
        refilledAtNanos = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
