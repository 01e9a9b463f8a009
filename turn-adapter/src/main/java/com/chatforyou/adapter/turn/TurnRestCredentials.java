package com.chatforyou.adapter.turn;

import com.chatforyou.domain.port.out.TimeSource;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * TURN REST API credentials, as coturn checks them with {@code use-auth-secret}: the username is
 * {@code <unix expiry seconds>:<user>} and the password {@code base64(HMAC-SHA1(secret, username))}.
 * coturn refuses them once the expiry has passed, so nothing needs revoking.
 */
public final class TurnRestCredentials {
    /** The largest expiry coturn can hold: its timestamps are unsigned 32-bit seconds (2106-02-07T06:28:15Z). */
    public static final long MAX_EXPIRY_SECONDS = 0xFFFF_FFFFL;
    /** How long credentials last unless configured otherwise. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(6);

    private static final String HMAC_SHA1 = "HmacSHA1";

    private final SecretKeySpec key;
    private final Duration ttl;
    private final TimeSource clock;

    public TurnRestCredentials(TurnSecret secret, Duration ttl, TimeSource clock) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.getSeconds() < 1) {
            throw new IllegalArgumentException("chatforyou.turn.ttl must be at least 1 second, not " + ttl);
        }
        if (ttl.getSeconds() > MAX_EXPIRY_SECONDS) {
            throw new IllegalArgumentException("chatforyou.turn.ttl " + ttl + " is beyond what coturn can hold");
        }
        this.key = new SecretKeySpec(secret.key(), HMAC_SHA1);
        this.ttl = ttl;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Duration ttl() {
        return ttl;
    }

    /** Credentials for one user (a participant id), valid for the TTL from now. */
    public Credentials issue(String user) {
        if (user == null || user.isEmpty() || user.indexOf(':') >= 0) {
            throw new IllegalArgumentException("A TURN REST user must be non-empty and without ':'");
        }
        return credentialsFor(expirySeconds() + ":" + user);
    }

    /**
     * Credentials whose username is the expiry alone, which coturn also accepts: for clients such as
     * Kurento's {@code turnURL} ({@code user:password@host:port}) that cannot take a colon in the user.
     */
    public Credentials issueTimestampOnly() {
        return credentialsFor(Long.toString(expirySeconds()));
    }

    /** base64(HMAC-SHA1(secret, username)), the password coturn expects for {@code username}. */
    public String passwordFor(String username) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA1);
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is unavailable in this JVM", e);
        }
    }

    private Credentials credentialsFor(String username) {
        long expiry = Long.parseLong(username.split(":", 2)[0]);
        return new Credentials(username, passwordFor(username), Instant.ofEpochSecond(expiry));
    }

    private long expirySeconds() {
        long expiry = clock.now().getEpochSecond() + ttl.getSeconds();
        if (expiry > MAX_EXPIRY_SECONDS) {
            // Refused rather than clamped: a clamped expiry would silently shorten every credential.
            throw new IllegalStateException("TURN credentials would expire at " + expiry + " s, beyond coturn's limit "
                    + MAX_EXPIRY_SECONDS + " s (" + Instant.ofEpochSecond(MAX_EXPIRY_SECONDS)
                    + "); check the server clock and chatforyou.turn.ttl");
        }
        return expiry;
    }

    /** One issued username and password; the password is hidden from {@link #toString()}. */
    public record Credentials(String username, String password, Instant expiresAt) {
        @Override
        public String toString() {
            return "Credentials[username=" + username + ", expiresAt=" + expiresAt + "]";
        }
    }
}
