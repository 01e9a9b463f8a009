package com.chatforyou.domain.model;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A room password as PBKDF2-HMAC-SHA256 with a random salt; the plain text is never kept. Deriving
 * costs CPU on purpose; the services run it on the bounded password worker, never on a caller's thread.
 */
public final class PasswordHash {
    public static final int MAX_LENGTH = 128;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    /**
     * Chosen for a room password, not a user database (docs/operations.md, "Running on the internet"):
     * the hash lives in memory only as long as the room, so there is no stored hash to crack offline,
     * and online guessing is bounded by the password backoff, not by this cost. 10,000 iterations take
     * about 6 ms on one core here, against about 290 ms for OWASP's 600,000 for stored passwords.
     */
    public static final int ITERATIONS = 10_000;
    private static final int KEY_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(byte[] salt, byte[] hash) {
        this.salt = salt;
        this.hash = hash;
    }

    /** Refuses a password that could never be set, before any hashing work is queued. */
    public static void requireValid(String plain) {
        if (plain == null || plain.isEmpty() || plain.length() > MAX_LENGTH) {
            throw new ChatException(ErrorCode.INVALID_PASSWORD,
                    "Password must be 1 to " + MAX_LENGTH + " characters");
        }
    }

    public static PasswordHash of(String plain) {
        requireValid(plain);
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new PasswordHash(salt, derive(plain, salt));
    }

    public boolean matches(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
            return false;
        }
        return MessageDigest.isEqual(hash, derive(candidate, salt));
    }

    private static byte[] derive(String plain, byte[] salt) {
        try {
            PBEKeySpec spec = new PBEKeySpec(plain.toCharArray(), salt, ITERATIONS, KEY_BITS);
            try {
                return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[hidden]";
    }
}
