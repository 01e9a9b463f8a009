package com.chatforyou.boot.security;

import com.chatforyou.adapter.signaling.SignedInUser;
import java.security.Principal;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** Spring Security's authentication of an HTTP session, as the signaling adapter's {@link SignedInUser}. */
public final class SignedInUsers {
    static final String CONFIGURED_USERS = "users";

    private SignedInUsers() {
    }

    public static Optional<SignedInUser> of(Principal principal) {
        if (!(principal instanceof Authentication authentication) || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        if (authentication instanceof OAuth2AuthenticationToken oauth) {
            // The subject identifies the account; the preferred name is only what the page shows.
            String subject = oauth.getPrincipal() instanceof OidcUser oidc && oidc.getSubject() != null
                    ? oidc.getSubject() : oauth.getName();
            String name = oauth.getPrincipal() instanceof OidcUser oidc && oidc.getPreferredUsername() != null
                    ? oidc.getPreferredUsername() : oauth.getName();
            return Optional.of(new SignedInUser(name, oauth.getAuthorizedClientRegistrationId(), subject));
        }
        return Optional.of(new SignedInUser(authentication.getName(), CONFIGURED_USERS));
    }
}
