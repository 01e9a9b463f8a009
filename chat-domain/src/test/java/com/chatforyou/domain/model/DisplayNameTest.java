package com.chatforyou.domain.model;

import static com.chatforyou.domain.fixtures.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DisplayNameTest {

    @Test
    void surrounding_white_space_is_trimmed() {
        assertThat(new DisplayName("  Ann \t").value()).isEqualTo("Ann");
    }

    @Test
    void inner_spaces_are_kept() {
        assertThat(new DisplayName("Ann Marie").value()).isEqualTo("Ann Marie");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t\n"})
    void an_empty_name_is_refused(String raw) {
        assertThat(refusalOf(() -> new DisplayName(raw))).isEqualTo(ErrorCode.INVALID_DISPLAY_NAME);
    }

    @Test
    void thirty_two_characters_are_enough() {
        assertThat(new DisplayName("a".repeat(32)).value()).hasSize(32);
    }

    @Test
    void thirty_three_characters_are_too_many() {
        assertThat(refusalOf(() -> new DisplayName("a".repeat(33)))).isEqualTo(ErrorCode.INVALID_DISPLAY_NAME);
    }

    @Test
    void the_limit_counts_characters_not_utf16_units() {
        String emoji = "\uD83D\uDE00"; // one character, two UTF-16 units

        assertThat(new DisplayName(emoji.repeat(32)).value()).isEqualTo(emoji.repeat(32));
        assertThat(refusalOf(() -> new DisplayName(emoji.repeat(33)))).isEqualTo(ErrorCode.INVALID_DISPLAY_NAME);
    }

    @Test
    void white_space_does_not_count_towards_the_limit() {
        assertThat(new DisplayName("  " + "a".repeat(32) + "  ").value()).isEqualTo("a".repeat(32));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ann\nBob", "Ann\tBob", "Ann\r\nBob"})
    void a_name_is_a_single_line(String raw) {
        assertThat(refusalOf(() -> new DisplayName(raw))).isEqualTo(ErrorCode.INVALID_DISPLAY_NAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ann\u0000", "A\u0007nn", "Ann\u001B[31m", "Ann\u007F", "Ann\u0085x"})
    void control_characters_are_refused(String raw) {
        assertThat(refusalOf(() -> new DisplayName(raw))).isEqualTo(ErrorCode.INVALID_DISPLAY_NAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ann\u2028Bob", "\u202EnnA", "Ann\u2067"})
    void names_that_could_disguise_themselves_are_refused(String raw) {
        assertThat(refusalOf(() -> new DisplayName(raw))).isEqualTo(ErrorCode.INVALID_DISPLAY_NAME);
    }

    @Test
    void names_that_differ_only_in_case_are_the_same_name() {
        assertThat(new DisplayName("Ann").sameAs(new DisplayName("aNN"))).isTrue();
    }

    @Test
    void different_names_are_not_the_same_name() {
        assertThat(new DisplayName("Ann").sameAs(new DisplayName("Anna"))).isFalse();
    }

    @Test
    void names_are_compared_after_trimming() {
        assertThat(new DisplayName(" Ann ").sameAs(new DisplayName("ann"))).isTrue();
    }
}
