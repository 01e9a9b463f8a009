package com.chatforyou.adapter.signaling;

import java.util.Objects;

/**
 * Who signed in to the HTTP session that opened a connection: a configured user or an OIDC account.
 * Kept on the connection ({@link ConnectionPrincipal#signedInUser()}); the domain hears whether the
 * connection may create rooms and, to recognise a room's creator, the {@link #identity()}
 * ({@link SignedInConnections}).
 *
 * @param username the login name or the OIDC subject's preferred name, as the page shows it
 * @param provider {@code users} for the configured list, else the OIDC registration id
 * @param subject  what stays the same across sign-ins: the configured user's name, or the OIDC subject
 *                 ({@code sub})
 */
public record SignedInUser(String username, String provider, String subject) {
    public SignedInUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(subject, "subject");
    }

    /** A configured user, whose name is their subject. */
    public SignedInUser(String username, String provider) {
        this(username, provider, username);
    }

    /** One account, told apart from the same name at another provider. */
    public String identity() {
        return provider + ":" + subject;
    }
}
