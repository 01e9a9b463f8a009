package com.chatforyou.domain.service;

import com.chatforyou.domain.model.ChatException;
import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.port.out.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Wrong passwords in a row per key, and until when the key is closed for another try. */
final class FailedAttempts<K> {

    private record Record(int failures, Instant closedUntil, Instant lastFailure) {
    }

    /** Keys idle this long after their delay are forgotten, so the map does not grow with addresses seen once. */
    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    private final AttemptBackoff backoff;
    private final TimeSource clock;
    private final String refusal;
    private final Map<K, Record> records = new ConcurrentHashMap<>();

    /** @param refusal what the refused client reads, before "try again in N s" */
    FailedAttempts(AttemptBackoff backoff, TimeSource clock, String refusal) {
        this.backoff = backoff;
        this.clock = clock;
        this.refusal = refusal;
    }

    void refuseWhileClosed(K key) {
        Record record = records.get(key);
        if (record == null) {
            return;
        }
        Duration left = Duration.between(clock.now(), record.closedUntil());
        if (!left.isNegative() && !left.isZero()) {
            long seconds = Math.max(1, (left.toMillis() + 999) / 1000);
            throw new ChatException(ErrorCode.TOO_MANY_ATTEMPTS, refusal + "; try again in " + seconds + " s");
        }
    }

    void failed(K key) {
        Instant now = clock.now();
        records.compute(key, (k, record) -> {
            int failures = record == null ? 1 : record.failures() + 1;
            return new Record(failures, now.plus(backoff.delayAfter(failures)), now);
        });
    }

    void succeeded(K key) {
        records.remove(key);
    }

    void forget(K key) {
        records.remove(key);
    }

    /** Drops keys that have been quiet for an hour past their delay. */
    void forgetQuietKeys() {
        Instant threshold = clock.now().minus(FORGET_AFTER);
        records.values().removeIf(record -> record.closedUntil().isBefore(threshold)
                && record.lastFailure().isBefore(threshold));
    }

    int trackedKeys() {
        return records.size();
    }
}
