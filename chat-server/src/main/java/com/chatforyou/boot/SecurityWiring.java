package com.chatforyou.boot;

import com.chatforyou.adapter.signaling.SignedInConnections;
import com.chatforyou.boot.security.HostSignIn;
import com.chatforyou.boot.security.HostSignInProperties;
import com.chatforyou.boot.security.SignInBackoff;
import com.chatforyou.boot.internet.InternetProperties;
import com.chatforyou.domain.port.out.TimeSource;
import java.util.Locale;
import java.util.concurrent.ThreadPoolExecutor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Optional host sign-in with Spring Security. Every page, the WebSocket and Actuator stay open to all:
 * sign-in only decides who may create rooms when {@code chatforyou.security.room-creation=signed-in}.
 * Configured users sign in with a form; OIDC providers configured under
 * {@code spring.security.oauth2.client} sign in with the authorization-code flow. The page learns all
 * this from {@code GET /session} ({@link com.chatforyou.boot.security.SessionInfoEndpoint}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityWiring {

    /** Who is signed in on each connection: for who may create rooms, and for who a room's creator is. */
    @Bean
    SignedInConnections signedInConnections(HostSignInProperties properties,
                                                ObjectProvider<ClientRegistrationRepository> oidc) {
        SignedInConnections.Mode mode = switch (properties.roomCreation().strip().toLowerCase(Locale.ROOT)) {
            case "anyone" -> SignedInConnections.Mode.ANYONE;
            case "signed-in" -> SignedInConnections.Mode.SIGNED_IN;
            default -> throw new Misconfiguration("chatforyou.security.room-creation (CHATFORYOU_SECURITY_ROOMCREATION) is '"
                    + properties.roomCreation() + "', which is not a room creation policy.",
                    "Set it to anyone (the default) or signed-in (only signed-in hosts create rooms; also configure "
                            + "chatforyou.security.users or an OIDC provider). See docs/operations.md.");
        };
        if (mode == SignedInConnections.Mode.SIGNED_IN && properties.users().isEmpty()
                && oidc.getIfAvailable() == null) {
            throw new Misconfiguration("chatforyou.security.room-creation is signed-in, but nobody can sign in: "
                    + "no chatforyou.security.users and no spring.security.oauth2.client registration.",
                    "Configure users (chatforyou.security.users[0].username and .password-hash, a bcrypt or argon2 hash) "
                            + "or an OIDC provider (spring.security.oauth2.client.registration.<id>.* and "
                            + "spring.security.oauth2.client.provider.<id>.issuer-uri). See docs/operations.md.");
        }
        return new SignedInConnections(mode);
    }

    @Bean
    HostSignIn hostSignIn(HostSignInProperties properties, ObjectProvider<ClientRegistrationRepository> oidc,
                          ThreadPoolExecutor passwordWorker) {
        return HostSignIn.of(properties, oidc.getIfAvailable(), passwordWorker);
    }

    /**
     * The one way to sign in with a password: the configured users, behind the per-address backoff of
     * room passwords (docs/operations.md, "Optional host sign-in").
     */
    @Bean
    SignInBackoff configuredUsersSignIn(HostSignIn signIn, InternetProperties internet, TimeSource clock) {
        return new SignInBackoff(signIn.usersProvider(), internet.passwords().perClient().toBackoff(), clock);
    }

    @Bean
    SecurityFilterChain chatSecurity(HttpSecurity http, HostSignIn signIn) throws Exception {
        return signIn.configure(http).build();
    }
}
