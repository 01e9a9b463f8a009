package com.chatforyou.boot.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Optional host sign-in, Jitsi's "secure domain": who may create rooms, and the configured users.
 * OIDC providers are Spring Boot's own {@code spring.security.oauth2.client.*} settings.
 *
 * @param roomCreation {@code anyone} (default) or {@code signed-in}
 * @param users        sign-in names with bcrypt or argon2 hashes, as {@code {bcrypt}$2a$10$...} or
 *                     {@code {argon2}$argon2id$...}
 */
@ConfigurationProperties("chatforyou.security")
public record HostSignInProperties(@DefaultValue("anyone") String roomCreation, @DefaultValue List<User> users) {

    public record User(String username, String passwordHash) {
    }
}
