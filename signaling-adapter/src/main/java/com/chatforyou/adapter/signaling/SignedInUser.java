package com.chatforyou.adapter.signaling;

import java.util.Objects;

/**
 * Who signed in to the HTTP session that opened a connection: a configured user or an OIDC account.
 * Kept on the connection ({@link ConnectionPrincipal#signedInUser()}); the domain hears only whether
 * the connection may create rooms ({@link RoomCreationByConnection}).
 *
 * @param username the login name or the OIDC subject's preferred name
 * @param provider {@code users} for the configured list, else the OIDC registration id
 */
public record SignedInUser(String username, String provider) {
    public SignedInUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(provider, "provider");
    }
}
