package com.chatforyou.domain.model;

import static com.chatforyou.domain.fixtures.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoomPolicyTest {

    private final RoomPolicy open = new RoomPolicy(new Capacity(2), Optional.empty());
    private final RoomPolicy locked = new RoomPolicy(new Capacity(2), Optional.of(PasswordHash.of("s3cret")));

    @Test
    void a_room_requires_a_password_only_when_it_has_one() {
        assertThat(open.passwordRequired()).isFalse();
        assertThat(locked.passwordRequired()).isTrue();
    }

    @Test
    void an_open_room_lets_anyone_in_whatever_they_type() {
        assertThatNoException().isThrownBy(() -> open.checkPassword(null));
        assertThatNoException().isThrownBy(() -> open.checkPassword("anything"));
    }

    @Test
    void a_locked_room_lets_in_whoever_knows_the_password() {
        assertThatNoException().isThrownBy(() -> locked.checkPassword("s3cret"));
    }

    @Test
    void a_locked_room_refuses_a_wrong_or_missing_password() {
        assertThat(refusalOf(() -> locked.checkPassword("S3cret"))).isEqualTo(ErrorCode.WRONG_PASSWORD);
        assertThat(refusalOf(() -> locked.checkPassword(null))).isEqualTo(ErrorCode.WRONG_PASSWORD);
        assertThat(refusalOf(() -> locked.checkPassword(""))).isEqualTo(ErrorCode.WRONG_PASSWORD);
    }

    @Test
    void the_last_free_seat_can_be_taken_but_not_one_more() {
        assertThatNoException().isThrownBy(() -> open.checkSeatFree(1));
        assertThat(refusalOf(() -> open.checkSeatFree(2))).isEqualTo(ErrorCode.ROOM_FULL);
    }
}
