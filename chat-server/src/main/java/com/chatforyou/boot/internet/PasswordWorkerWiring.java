package com.chatforyou.boot.internet;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one password worker: room passwords (create and join) and the configured users' sign-in all
 * hash here, so together they never use more than its threads. A full queue refuses at once.
 */
@Configuration(proxyBeanMethods = false)
class PasswordWorkerWiring {

    @Bean(destroyMethod = "shutdownNow")
    ThreadPoolExecutor passwordWorker(InternetProperties properties) {
        var passwords = properties.passwords();
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = work -> {
            Thread thread = new Thread(work, "password-check-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return new ThreadPoolExecutor(passwords.workerThreads(), passwords.workerThreads(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(passwords.queue()), threads, new ThreadPoolExecutor.AbortPolicy());
    }
}
