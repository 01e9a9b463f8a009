package com.chatforyou.domain.model;

import static com.chatforyou.domain.fixtures.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.domain.port.out.NameSkeletonPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RoomNameTest {

    @Test
    void surrounding_white_space_is_trimmed() {
        assertThat(new RoomName("  Daily standup  ").value()).isEqualTo("Daily standup");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "    "})
    void an_empty_name_is_refused(String raw) {
        assertThat(refusalOf(() -> new RoomName(raw))).isEqualTo(ErrorCode.INVALID_ROOM_NAME);
    }

    @Test
    void forty_eight_characters_are_enough() {
        assertThat(new RoomName("r".repeat(48)).value()).hasSize(48);
    }

    @Test
    void forty_nine_characters_are_too_many() {
        assertThat(refusalOf(() -> new RoomName("r".repeat(49)))).isEqualTo(ErrorCode.INVALID_ROOM_NAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Stand\u0000up", "Stand\u001Bup", "Stand\u009Bup"})
    void control_characters_are_refused(String raw) {
        assertThat(refusalOf(() -> new RoomName(raw))).isEqualTo(ErrorCode.INVALID_ROOM_NAME);
    }

    @Test
    void names_that_differ_only_in_case_are_the_same_name() {
        assertThat(new RoomName("Standup").sameAs(new RoomName("STANDUP"), NameSkeletonPort.CASE_INSENSITIVE)).isTrue();
        assertThat(new RoomName("Standup").sameAs(new RoomName("Standups"), NameSkeletonPort.CASE_INSENSITIVE)).isFalse();
    }

    @Test
    void a_room_name_is_normalized_like_a_display_name() {
        assertThat(new RoomName("  Stand\r\n\u200bup\u00a0 call ").value()).isEqualTo("Stand up call");
    }
}
