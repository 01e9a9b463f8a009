package com.chatforyou.domain.model;

import static com.chatforyou.domain.fixtures.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.domain.port.out.NameSkeletonPort;
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
    @ValueSource(strings = {"Ann\nBob", "Ann\tBob", "Ann\r\nBob", "Ann \u00a0  Bob", "Ann\u2028Bob", "Ann\u3000Bob"})
    void a_name_is_one_line_with_single_spaces(String raw) {
        assertThat(new DisplayName(raw).value()).isEqualTo("Ann Bob");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ann\u0000", "A\u0007nn", "Ann\u001B[31m", "Ann\u007F", "Ann\u0085x"})
    void control_characters_are_refused(String raw) {
        assertThat(refusalOf(() -> new DisplayName(raw))).isEqualTo(ErrorCode.INVALID_DISPLAY_NAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ann\u200b", "An\u200dn", "\u202eAnn", "Ann\u2067", "\u200fAnn\u200e", "A\u00adnn",
            "Ann\ufeff", "An\u034fn", "Ann\ufe0f", "Ann\u061c", "Ann\u2060", "Ann\udb40\udc41"})
    void invisible_and_direction_changing_characters_are_removed(String raw) {
        assertThat(new DisplayName(raw).value()).isEqualTo("Ann");
    }

    @Test
    void a_name_of_invisible_characters_only_is_empty() {
        assertThat(refusalOf(() -> new DisplayName("\u200b\u200d\u2060"))).isEqualTo(ErrorCode.INVALID_DISPLAY_NAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uff21\uff4e\uff4e", "A\u0301nn", "\u00c1nn"})
    void compatibility_forms_become_their_plain_letters(String raw) {
        // Fullwidth letters fold to ASCII; a letter and its combining accent compose to one character.
        assertThat(new DisplayName(raw).value()).isIn("Ann", "\u00c1nn");
        assertThat(new DisplayName(raw).value()).isEqualTo(new DisplayName(raw).value().strip());
    }

    @Test
    void a_composed_and_a_decomposed_accent_are_the_same_text() {
        assertThat(new DisplayName("A\u0301nn").value()).isEqualTo(new DisplayName("\u00c1nn").value());
    }

    @Test
    void names_that_differ_only_in_case_are_the_same_name() {
        assertThat(new DisplayName("Ann").sameAs(new DisplayName("aNN"), NameSkeletonPort.CASE_INSENSITIVE)).isTrue();
    }

    @Test
    void different_names_are_not_the_same_name() {
        assertThat(new DisplayName("Ann").sameAs(new DisplayName("Anna"), NameSkeletonPort.CASE_INSENSITIVE)).isFalse();
    }

    @Test
    void names_are_compared_after_normalizing() {
        assertThat(new DisplayName(" Ann\u200b ").sameAs(new DisplayName("ann"), NameSkeletonPort.CASE_INSENSITIVE))
                .isTrue();
    }
}
