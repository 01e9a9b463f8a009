package com.chatforyou.boot;

import com.chatforyou.domain.port.out.IdGenerator;
import java.util.Random;

/** Twelve random base-36 characters: short enough to read in logs, about 62 bits, never guessed. */
class RandomIdGenerator implements IdGenerator {
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final int LENGTH = 12;

    private final Random random;

    RandomIdGenerator(Random random) {
        this.random = random;
    }

    @Override
    public String newId() {
        char[] id = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
