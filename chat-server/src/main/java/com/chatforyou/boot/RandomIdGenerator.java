package com.chatforyou.boot;

import com.chatforyou.domain.port.out.IdGenerator;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Twelve random base-36 characters: short enough to read in logs, about 62 bits, never guessed. The random
 * source is per thread: one shared SecureRandom is a lock that every join and link waited on.
 */
class RandomIdGenerator implements IdGenerator {
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final int LENGTH = 12;

    private final Supplier<? extends Random> randoms;

    RandomIdGenerator(Supplier<? extends Random> randoms) {
        this.randoms = randoms;
    }

    @Override
    public String newId() {
        Random random = randoms.get();
        char[] id = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
