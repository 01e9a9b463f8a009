package com.chatforyou.adapter.media;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for something asynchronous by polling. The bound is a generous upper limit that only keeps a
 * broken build from hanging; no test asserts how fast anything happens.
 */
public final class Polling {
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private Polling() {
    }

    public static void awaitTrue(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Waited %s s for %s", PATIENCE.toSeconds(), what);
            }
            pause();
        }
    }

    /** Polls until the supplier returns a value the condition accepts, and returns it. */
    public static <T> T awaitValue(String what, Supplier<T> value, java.util.function.Predicate<T> condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        T last = value.get();
        while (!condition.test(last)) {
            if (System.nanoTime() > deadline) {
                fail("Waited %s s for %s; last seen: %s", PATIENCE.toSeconds(), what, last);
            }
            pause();
            last = value.get();
        }
        return last;
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }
}
