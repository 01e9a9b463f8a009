package com.chatforyou.adapter.signaling;

import com.chatforyou.domain.model.ClientAddress;
import com.chatforyou.domain.model.ConnectionId;
import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;

/**
 * The identity of one WebSocket connection. Its name is the domain's {@link ConnectionId}, so user
 * destinations address exactly one connection, even when one person has two tabs open. It also
 * carries what the handshake knew: the client's address and, when the HTTP session behind the
 * handshake was signed in, who signed in.
 *
 * @param signedIn null for a guest
 */
public record ConnectionPrincipal(String name, ClientAddress client, SignedInUser signedIn) implements Principal {

    /** One DRBG per thread: {@code UUID.randomUUID()} shares one lock across every connection's handshake. */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException notInThisJdk) {
            return new SecureRandom();
        }
    });

    public ConnectionPrincipal(String name) {
        this(name, ClientAddress.UNKNOWN, null);
    }

    /** A random (version 4) UUID as its name, as {@code UUID.randomUUID()} makes it. */
    public static ConnectionPrincipal random(ClientAddress client, SignedInUser signedIn) {
        byte[] bytes = new byte[16];
        RANDOM.get().nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new ConnectionPrincipal(new UUID(buffer.getLong(), buffer.getLong()).toString(), client, signedIn);
    }

    public static ConnectionId connectionOf(Principal principal) {
        return new ConnectionId(principal.getName());
    }

    /** The client's address, or {@link ClientAddress#UNKNOWN} for a principal that is not a connection's. */
    public static ClientAddress clientOf(Principal principal) {
        return principal instanceof ConnectionPrincipal connection ? connection.client() : ClientAddress.UNKNOWN;
    }

    public Optional<SignedInUser> signedInUser() {
        return Optional.ofNullable(signedIn);
    }

    @Override
    public String getName() {
        return name;
    }
}
