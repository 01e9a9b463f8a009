package com.chatforyou.domain.service;

import com.chatforyou.domain.model.ChatException;
import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.port.out.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wrong passwords in a row per key, and until when the key is closed for another try, by an
 * {@link AttemptBackoff}. Room passwords keep one per client address and one per room
 * ({@link PasswordChecks}); the boot module keeps one per client address for its sign-in page.
 */
public final class FailedAttempts<K> {

    private record Record(int failures, Instant closedUntil, Instant lastFailure) {
    }

    /** Keys idle this long after their delay are forgotten, so the map does not grow with addresses seen once. */
    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    private final AttemptBackoff backoff;
    private final TimeSource clock;
    private final String refusal;
    private final Map<K, Record> records = new ConcurrentHashMap<>();

    /** @param refusal what the refused client reads, before "try again in N s" */
    public FailedAttempts(AttemptBackoff backoff, TimeSource clock, String refusal) {
        this.backoff = backoff;
        this.clock = clock;
        this.refusal = refusal;
    }

    /** Refuses with {@code too-many-attempts} while the key is closed. */
    public void refuseWhileClosed(K key) {
        Optional<Long> seconds = closedForSeconds(key);
        if (seconds.isPresent()) {
            throw new ChatException(ErrorCode.TOO_MANY_ATTEMPTS, refusal + "; try again in " + seconds.get() + " s");
        }
    }

    /** Whole seconds, at least one, until the key may try again; empty while it is open. */
    public Optional<Long> closedForSeconds(K key) {
        Record record = records.get(key);
        if (record == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.now(), record.closedUntil());
        if (left.isNegative() || left.isZero()) {
            return Optional.empty();
        }
        return Optional.of(Math.max(1, (left.toMillis() + 999) / 1000));
    }

    public void failed(K key) {
        Instant now = clock.now();
        records.compute(key, (k, record) -> {
            int failures = record == null ? 1 : record.failures() + 1;
            return new Record(failures, now.plus(backoff.delayAfter(failures)), now);
        });
    }

    public void succeeded(K key) {
        records.remove(key);
    }

    void forget(K key) {
        records.remove(key);
    }

    /** Drops keys that have been quiet for an hour past their delay. */
    public void forgetQuietKeys() {
        Instant threshold = clock.now().minus(FORGET_AFTER);
        records.values().removeIf(record -> record.closedUntil().isBefore(threshold)
                && record.lastFailure().isBefore(threshold));
    }

    public int trackedKeys() {
        return records.size();
    }
}
