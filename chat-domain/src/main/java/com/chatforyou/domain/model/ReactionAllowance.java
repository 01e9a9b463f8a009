package com.chatforyou.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The rule "reactions are a gesture, not a flood": each participant may send {@value #BURST} at once,
 * and one more every {@link #REFILL} after that. The signaling adapter's request limit is far looser.
 */
final class ReactionAllowance {
    static final int BURST = 5;
    static final Duration REFILL = Duration.ofSeconds(2);

    private record Bucket(double tokens, Instant at) {
    }

    private final Map<ParticipantId, Bucket> buckets = new HashMap<>();

    void take(ParticipantId participant, Instant now) {
        Bucket bucket = buckets.getOrDefault(participant, new Bucket(BURST, now));
        double refilled = Math.max(0, Duration.between(bucket.at(), now).toMillis()) / (double) REFILL.toMillis();
        double tokens = Math.min(BURST, bucket.tokens() + refilled);
        if (tokens < 1) {
            buckets.put(participant, new Bucket(tokens, now));
            throw new ChatException(ErrorCode.RATE_LIMITED, "Too many reactions; wait a moment");
        }
        buckets.put(participant, new Bucket(tokens - 1, now));
    }

    void forget(ParticipantId participant) {
        buckets.remove(participant);
    }
}
