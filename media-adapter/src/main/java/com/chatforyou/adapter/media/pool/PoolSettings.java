package com.chatforyou.adapter.media.pool;

import java.time.Duration;
import java.util.Set;

/**
 * How a pool watches its servers.
 *
 * @param checkInterval how often server health is looked at, and rooms waiting for media retried
 * @param failoverAfter how long a server may be unreachable before its rooms move, when another server can
 *                      take them; a backend that loses its session for good (Janus) moves them at once
 * @param maxRetryDelay longest wait between attempts to give a room without media its media again
 * @param draining      ids ({@code host:port}) of servers that take no new rooms from the start
 */
public record PoolSettings(Duration checkInterval, Duration failoverAfter, Duration maxRetryDelay, Set<String> draining) {

    public PoolSettings {
        for (Duration duration : new Duration[] {checkInterval, failoverAfter, maxRetryDelay}) {
            if (duration == null || duration.isNegative()) {
                throw new IllegalArgumentException("pool intervals must not be negative");
            }
        }
        if (checkInterval.isZero()) {
            throw new IllegalArgumentException("the pool's check interval must be positive");
        }
        draining = Set.copyOf(draining);
    }

    public static PoolSettings defaults() {
        return new PoolSettings(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(30), Set.of());
    }

    public PoolSettings withDraining(Set<String> ids) {
        return new PoolSettings(checkInterval, failoverAfter, maxRetryDelay, ids);
    }

    public PoolSettings withTimings(Duration check, Duration failover, Duration maxRetry) {
        return new PoolSettings(check, failover, maxRetry, draining);
    }
}
