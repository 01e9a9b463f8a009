package com.chatforyou.testissuer;

import java.util.Map;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * A real OpenID Connect issuer for the sign-in test: Spring Authorization Server, configured by Spring
 * Boot's own properties, with one user and one client (the chat server). Outside com.chatforyou.boot so
 * the chat application never scans it.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class TestIssuer {
    public static final String CLIENT_ID = "chat";
    public static final String CLIENT_SECRET = "chat-secret";
    public static final String USER = "oidc-host";
    public static final String PASSWORD = "oidc-password";

    /**
     * Starts on a free port of 127.0.0.2 (another host than the chat's 127.0.0.1, so the browser keeps
     * the two sessions' cookies apart).
     *
     * @param redirectUri where the chat server receives the code
     */
    public static ConfigurableApplicationContext start(String redirectUri) {
        return new SpringApplicationBuilder(TestIssuer.class).properties(Map.ofEntries(
                // Not the chat server's application.properties, which sit on the same class path.
                Map.entry("spring.config.name", "test-issuer"),
                Map.entry("server.port", "0"),
                Map.entry("server.address", "127.0.0.2"),
                Map.entry("server.servlet.session.cookie.name", "ISSUER_SESSION"),
                Map.entry("spring.main.banner-mode", "off"),
                Map.entry("spring.application.name", "test-issuer"),
                Map.entry("management.endpoints.web.exposure.include", ""),
                Map.entry("spring.security.user.name", USER),
                Map.entry("spring.security.user.password", PASSWORD),
                Map.entry("spring.security.oauth2.authorizationserver.client.chat.registration.client-id", CLIENT_ID),
                Map.entry("spring.security.oauth2.authorizationserver.client.chat.registration.client-secret",
                        "{noop}" + CLIENT_SECRET),
                Map.entry("spring.security.oauth2.authorizationserver.client.chat.registration.client-authentication-methods",
                        "client_secret_basic"),
                Map.entry("spring.security.oauth2.authorizationserver.client.chat.registration.authorization-grant-types",
                        "authorization_code"),
                Map.entry("spring.security.oauth2.authorizationserver.client.chat.registration.redirect-uris", redirectUri),
                Map.entry("spring.security.oauth2.authorizationserver.client.chat.registration.scopes", "openid,profile"),
                Map.entry("spring.security.oauth2.authorizationserver.client.chat.require-authorization-consent", "false")))
                .run();
    }

    public static String issuerUri(ConfigurableApplicationContext issuer) {
        return "http://127.0.0.2:" + issuer.getEnvironment().getProperty("local.server.port");
    }
}
