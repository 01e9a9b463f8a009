package com.chatforyou.boot.security;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.stream.StreamSupport;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/** The ways to sign in this server offers, and the Spring Security setup that follows from them. */
public final class HostSignIn {
    public static final String LOGIN_PAGE = "/login";
    public static final String LOGOUT_PAGE = "/logout";

    private final InMemoryUserDetailsManager users;
    private final boolean hasUsers;
    private final List<String> oidcRegistrations;
    private final PasswordEncoder passwordEncoder;

    private HostSignIn(InMemoryUserDetailsManager users, boolean hasUsers, List<String> oidcRegistrations,
                       PasswordEncoder passwordEncoder) {
        this.users = users;
        this.hasUsers = hasUsers;
        this.oidcRegistrations = oidcRegistrations;
        this.passwordEncoder = passwordEncoder;
    }

    /** @param oidc null when no OIDC provider is configured */
    public static HostSignIn of(HostSignInProperties properties, ClientRegistrationRepository oidc, Executor passwordWorker) {
        // {bcrypt}, {argon2}, ...: the hash says which algorithm checks it.
        PasswordEncoder encoder = new BoundedPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                passwordWorker);
        List<UserDetails> configured = new ArrayList<>();
        for (HostSignInProperties.User user : properties.users()) {
            configured.add(User.withUsername(user.username()).password(user.passwordHash()).roles("HOST").build());
        }
        List<String> registrations = oidc instanceof Iterable<?> iterable
                ? StreamSupport.stream(iterable.spliterator(), false)
                        .map(registration -> ((ClientRegistration) registration).getRegistrationId()).toList()
                : List.of();
        return new HostSignIn(new InMemoryUserDetailsManager(configured), !configured.isEmpty(), registrations, encoder);
    }

    /**
     * Checks the configured users' passwords (on the password worker); {@link SignInBackoff} wraps it with
     * the per-address backoff. With no configured users it knows nobody, and Spring Boot adds no default user.
     */
    public DaoAuthenticationProvider usersProvider() {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwordEncoder);
        return provider;
    }

    public boolean offered() {
        return hasUsers || !oidcRegistrations.isEmpty();
    }

    /** Where the page sends someone to sign in: the one OIDC provider straight away, else the login page. */
    public String signInUrl() {
        if (!hasUsers && oidcRegistrations.size() == 1) {
            return "/oauth2/authorization/" + oidcRegistrations.get(0);
        }
        return LOGIN_PAGE;
    }

    /** Everything stays open; sign-in only adds who someone is. */
    public HttpSecurity configure(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        // Actuator writes (draining a media server) come from operators' scripts, not from a signed-in page:
        // CSRF's token would only refuse them (403); who reaches the actuator is bounded by its exposure and port.
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/actuator/**"));
        if (hasUsers) {
            // The login page is served for "/login?error" only while that is the failure URL, so the
            // handler that adds the backoff's 429 replaces the default one on the filter itself.
            http.formLogin(form -> form.defaultSuccessUrl("/", true)
                    .withObjectPostProcessor(new ObjectPostProcessor<UsernamePasswordAuthenticationFilter>() {
                        @Override
                        public <O extends UsernamePasswordAuthenticationFilter> O postProcess(O filter) {
                            filter.setAuthenticationFailureHandler(new SignInFailureHandler());
                            return filter;
                        }
                    }));
        }
        if (!oidcRegistrations.isEmpty()) {
            http.oauth2Login(login -> login.defaultSuccessUrl("/", true));
        }
        if (offered()) {
            http.logout(logout -> logout.logoutSuccessUrl("/"));
        } else {
            http.logout(logout -> logout.disable());
        }
        return http;
    }
}
