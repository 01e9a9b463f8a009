package com.chatforyou.domain.model;

import static com.chatforyou.domain.fixtures.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PasswordHashTest {

    private static final String PLAIN = "s3cret-Passw0rd";

    private final PasswordHash hash = PasswordHash.of(PLAIN);

    @Test
    void the_right_password_matches() {
        assertThat(hash.matches(PLAIN)).isTrue();
    }

    @Test
    void a_wrong_password_does_not_match() {
        assertThat(hash.matches("s3cret-passw0rd")).isFalse();
        assertThat(hash.matches(PLAIN + " ")).isFalse();
        assertThat(hash.matches("")).isFalse();
        assertThat(hash.matches(null)).isFalse();
    }

    @Test
    void an_over_long_guess_does_not_match() {
        assertThat(hash.matches(PLAIN + "x".repeat(PasswordHash.MAX_LENGTH))).isFalse();
    }

    @Test
    void the_same_password_is_salted_differently_each_time() throws IllegalAccessException {
        PasswordHash again = PasswordHash.of(PLAIN);

        assertThat(again.matches(PLAIN)).isTrue();
        assertThat(instanceBytes(again)).isNotEqualTo(instanceBytes(hash));
    }

    @Test
    void the_plain_text_is_never_kept() throws IllegalAccessException {
        byte[] plainBytes = PLAIN.getBytes(StandardCharsets.UTF_8);
        for (Field field : instanceFields()) {
            Object value = field.get(hash);
            assertThat(value).as(field.getName()).isNotInstanceOf(String.class).isNotInstanceOf(char[].class);
            if (value instanceof byte[] bytes) {
                assertThat(indexOf(bytes, plainBytes)).as(field.getName()).isEqualTo(-1);
            }
        }
    }

    @Test
    void its_text_form_hides_the_password() {
        assertThat(hash.toString()).isEqualTo("PasswordHash[hidden]").doesNotContain(PLAIN);
    }

    @Test
    void the_work_factor_is_the_documented_one_for_a_room_password() {
        // Above NIST SP 800-132's floor of 1,000; well below the stored-password figure (see operations.md).
        assertThat(PasswordHash.ITERATIONS).isEqualTo(10_000);
    }

    @Test
    void a_password_may_have_128_characters() {
        String longest = "p".repeat(128);
        assertThat(PasswordHash.of(longest).matches(longest)).isTrue();
    }

    @Test
    void a_password_over_128_characters_is_refused() {
        assertThat(refusalOf(() -> PasswordHash.of("p".repeat(129)))).isEqualTo(ErrorCode.INVALID_PASSWORD);
    }

    @Test
    void an_empty_password_is_refused() {
        assertThat(refusalOf(() -> PasswordHash.of(""))).isEqualTo(ErrorCode.INVALID_PASSWORD);
        assertThat(refusalOf(() -> PasswordHash.of(null))).isEqualTo(ErrorCode.INVALID_PASSWORD);
    }

    private static Field[] instanceFields() {
        return Arrays.stream(PasswordHash.class.getDeclaredFields())
                .filter(field -> !Modifier.isStatic(field.getModifiers()))
                .peek(field -> field.setAccessible(true))
                .toArray(Field[]::new);
    }

    private static String instanceBytes(PasswordHash hash) throws IllegalAccessException {
        StringBuilder all = new StringBuilder();
        for (Field field : instanceFields()) {
            if (field.get(hash) instanceof byte[] bytes) {
                all.append(Arrays.toString(bytes));
            }
        }
        return all.toString();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
