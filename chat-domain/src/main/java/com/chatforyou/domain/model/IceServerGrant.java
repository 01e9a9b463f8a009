package com.chatforyou.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The ICE servers handed to one participant, and when their credentials stop working. Servers
 * without credentials, or with credentials that never expire, have no expiry.
 */
public record IceServerGrant(List<IceServer> servers, Optional<Instant> expiresAt) {

    /**
     * How much of a grant's lifetime may pass before it is renewed: the rest (a fifth) leaves time to
     * deliver the new servers and for the browser to use them before the old ones stop working.
     */
    public static final double RENEW_AFTER_FRACTION = 0.8;

    public IceServerGrant {
        servers = List.copyOf(servers);
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public static IceServerGrant unlimited(List<IceServer> servers) {
        return new IceServerGrant(servers, Optional.empty());
    }

    public static IceServerGrant until(List<IceServer> servers, Instant expiresAt) {
        return new IceServerGrant(servers, Optional.of(expiresAt));
    }

    /**
     * When a grant issued at {@code issuedAt} should be replaced: after {@link #RENEW_AFTER_FRACTION}
     * of its lifetime, or at once when it was already expired on issue. Empty when it never expires.
     */
    public Optional<Instant> renewalDue(Instant issuedAt) {
        return expiresAt.map(expiry -> {
            Duration lifetime = Duration.between(issuedAt, expiry);
            if (lifetime.isNegative() || lifetime.isZero()) {
                return issuedAt;
            }
            return issuedAt.plusMillis((long) (lifetime.toMillis() * RENEW_AFTER_FRACTION));
        });
    }
}
