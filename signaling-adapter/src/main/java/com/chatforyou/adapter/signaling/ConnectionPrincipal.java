package com.chatforyou.adapter.signaling;

import com.chatforyou.domain.model.ConnectionId;
import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * The identity of one WebSocket connection. Its name is the domain's {@link ConnectionId}, so user
 * destinations address exactly one connection, even when one person has two tabs open.
 */
public record ConnectionPrincipal(String name) implements Principal {

    /** One DRBG per thread: {@code UUID.randomUUID()} shares one lock across every connection's handshake. */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException notInThisJdk) {
            return new SecureRandom();
        }
    });

    /** A random (version 4) UUID, as {@code UUID.randomUUID()} makes it. */
    public static ConnectionPrincipal random() {
        byte[] bytes = new byte[16];
        RANDOM.get().nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new ConnectionPrincipal(new UUID(buffer.getLong(), buffer.getLong()).toString());
    }

    public static ConnectionId connectionOf(Principal principal) {
        return new ConnectionId(principal.getName());
    }

    @Override
    public String getName() {
        return name;
    }
}
