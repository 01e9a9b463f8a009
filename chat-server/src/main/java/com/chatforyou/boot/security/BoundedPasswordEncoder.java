package com.chatforyou.boot.security;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The configured users' password checks, on the same bounded password worker as room passwords, so a
 * flood of sign-in attempts cannot take more CPU than a flood of room guesses. A full worker fails the
 * sign-in at once with a message that says so.
 */
final class BoundedPasswordEncoder implements PasswordEncoder {
    static final String BUSY = "The server is busy checking passwords; try again in a moment";

    private final PasswordEncoder encoder;
    private final Executor worker;

    BoundedPasswordEncoder(PasswordEncoder encoder, Executor worker) {
        this.encoder = encoder;
        this.worker = worker;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return onWorker(() -> encoder.encode(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return onWorker(() -> encoder.matches(rawPassword, encodedPassword));
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return false;
    }

    private <T> T onWorker(Supplier<T> hashing) {
        CompletableFuture<T> result;
        try {
            result = CompletableFuture.supplyAsync(hashing, worker);
        } catch (RejectedExecutionException full) {
            throw new InternalAuthenticationServiceException(BUSY);
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InternalAuthenticationServiceException(BUSY, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new InternalAuthenticationServiceException("password check failed", e.getCause());
        }
    }
}
