package com.chatforyou.domain.model;

import static com.chatforyou.domain.fixtures.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChatTextTest {

    @Test
    void line_breaks_and_tabs_are_allowed_inside_a_message() {
        assertThat(new ChatText("first line\nsecond\tcolumn").value()).isEqualTo("first line\nsecond\tcolumn");
    }

    @Test
    void markup_is_kept_verbatim_for_clients_to_show_as_text() {
        assertThat(new ChatText("<img src=x onerror=alert(1)>").value()).isEqualTo("<img src=x onerror=alert(1)>");
    }

    @Test
    void surrounding_white_space_is_trimmed() {
        assertThat(new ChatText("\n  hello  \n").value()).isEqualTo("hello");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\n\t\n"})
    void an_empty_message_is_refused(String raw) {
        assertThat(refusalOf(() -> new ChatText(raw))).isEqualTo(ErrorCode.INVALID_CHAT_MESSAGE);
    }

    @Test
    void a_thousand_characters_are_enough() {
        assertThat(new ChatText("x".repeat(1000)).value()).hasSize(1000);
    }

    @Test
    void a_thousand_and_one_characters_are_too_many() {
        assertThat(refusalOf(() -> new ChatText("x".repeat(1001)))).isEqualTo(ErrorCode.INVALID_CHAT_MESSAGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bell\u0007", "nul\u0000byte", "escape \u001B[2J", "del\u007F"})
    void other_control_characters_are_refused(String raw) {
        assertThat(refusalOf(() -> new ChatText(raw))).isEqualTo(ErrorCode.INVALID_CHAT_MESSAGE);
    }

    @Test
    void windows_line_breaks_are_kept_as_plain_line_breaks() {
        assertThat(new ChatText("one\r\ntwo").value()).isEqualTo("one\ntwo");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\r", "line\u2028separator", "evil\u202Eoverride", "isolate\u2066x"})
    void lone_carriage_returns_separators_and_direction_overrides_are_refused(String raw) {
        assertThat(refusalOf(() -> new ChatText(raw + "x"))).isEqualTo(ErrorCode.INVALID_CHAT_MESSAGE);
    }
}
