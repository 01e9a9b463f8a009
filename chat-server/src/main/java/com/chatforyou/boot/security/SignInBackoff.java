package com.chatforyou.boot.security;

import com.chatforyou.adapter.signaling.ClientAddresses;
import com.chatforyou.domain.model.ClientAddress;
import com.chatforyou.domain.port.out.TimeSource;
import com.chatforyou.domain.service.AttemptBackoff;
import com.chatforyou.domain.service.FailedAttempts;
import java.util.Optional;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The configured users' sign-in ({@code POST /login}) with the per-address backoff that room passwords
 * have: the same rule and settings ({@code chatforyou.internet.passwords.per-client.*}), its own count.
 * Wrong passwords from one client address are free up to a number, then close the address for a
 * doubling delay, during which even the right password is refused ({@link TooManySignInAttempts})
 * without being hashed; a successful sign-in opens the address again. The address is the request's,
 * after the trusted-proxy filter, grouped as the signaling adapter groups it (IPv6 per /64).
 */
public final class SignInBackoff implements AuthenticationProvider {
    static final String REFUSAL = "Too many wrong passwords from your network address";

    private final AuthenticationProvider users;
    private final FailedAttempts<ClientAddress> failures;

    public SignInBackoff(AuthenticationProvider users, AttemptBackoff backoff, TimeSource clock) {
        this.users = users;
        this.failures = new FailedAttempts<>(backoff, clock, REFUSAL);
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        ClientAddress client = clientOf(attempt);
        Optional<Long> closedFor = failures.closedForSeconds(client);
        if (closedFor.isPresent()) {
            throw new TooManySignInAttempts(closedFor.get());
        }
        try {
            Authentication signedIn = users.authenticate(attempt);
            if (signedIn != null) {
                failures.succeeded(client);
            }
            return signedIn;
        } catch (BadCredentialsException wrong) {
            // An unknown name counts as a wrong password: the provider does not tell them apart either.
            failures.failed(client);
            throw wrong;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return users.supports(authentication);
    }

    /** Addresses quiet for an hour past their delay are forgotten, so the record stays small. */
    @Scheduled(fixedDelayString = "${chatforyou.rooms.housekeeping-interval:15s}")
    public void forgetQuietAddresses() {
        failures.forgetQuietKeys();
    }

    int trackedAddresses() {
        return failures.trackedKeys();
    }

    private static ClientAddress clientOf(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details
                ? ClientAddresses.of(details.getRemoteAddress()) : ClientAddress.UNKNOWN;
    }

    /** A sign-in refused while the address waits out its delay. */
    public static final class TooManySignInAttempts extends AuthenticationException {
        private final long retryAfterSeconds;

        TooManySignInAttempts(long retryAfterSeconds) {
            super(REFUSAL + "; try again in " + retryAfterSeconds + " s");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
