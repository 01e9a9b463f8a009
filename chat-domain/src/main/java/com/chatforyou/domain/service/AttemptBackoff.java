package com.chatforyou.domain.service;

import java.time.Duration;

/**
 * How wrong passwords slow down one key (a room, or a client address): {@code freeFailures} in a row
 * cost nothing, then each further failure closes the key for a delay that starts at {@code firstDelay}
 * and doubles up to {@code maxDelay}. A right password resets the key.
 */
public record AttemptBackoff(int freeFailures, Duration firstDelay, Duration maxDelay) {
    /** Per client address: a family that mistypes five times is not bothered; a guesser gets ~20 tries an hour. */
    public static final AttemptBackoff PER_CLIENT = new AttemptBackoff(5, Duration.ofSeconds(1), Duration.ofMinutes(15));
    /** Per room: many addresses together get about two guesses a minute; a host waits at most 30 s. */
    public static final AttemptBackoff PER_ROOM = new AttemptBackoff(20, Duration.ofSeconds(1), Duration.ofSeconds(30));

    public AttemptBackoff {
        if (freeFailures < 0 || firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("freeFailures >= 0 and 0 < firstDelay <= maxDelay required");
        }
    }

    /** The delay after {@code failures} failures in a row; zero while they are free. */
    Duration delayAfter(int failures) {
        int doublings = failures - freeFailures - 1;
        if (doublings < 0) {
            return Duration.ZERO;
        }
        if (doublings >= 30) {
            return maxDelay;
        }
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
