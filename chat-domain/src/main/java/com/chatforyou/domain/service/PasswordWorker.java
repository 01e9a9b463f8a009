package com.chatforyou.domain.service;

import com.chatforyou.domain.model.ChatException;
import com.chatforyou.domain.model.ErrorCode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Runs password hashing on the bounded executor it is given (a thread or two and a short queue), so a
 * flood of guesses can use no more CPU than that, and never the threads that serve other requests.
 * When the executor refuses, the caller is refused at once with {@code password-checks-busy}.
 */
final class PasswordWorker {

    private final Executor executor;

    PasswordWorker(Executor executor) {
        this.executor = executor;
    }

    <T> CompletableFuture<T> run(Supplier<T> hashing) {
        try {
            return CompletableFuture.supplyAsync(hashing, executor);
        } catch (RejectedExecutionException full) {
            throw new ChatException(ErrorCode.PASSWORD_CHECKS_BUSY,
                    "The server is busy checking passwords; try again in a moment");
        }
    }
}
