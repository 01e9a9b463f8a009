package com.chatforyou.domain.model;

import static com.chatforyou.domain.fixtures.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class CapacityLimitsTest {

    private final CapacityLimits mesh = new CapacityLimits(6, 8);

    @Test
    void a_creator_who_asks_for_nothing_gets_the_default() {
        assertThat(mesh.capacityFor(null)).isEqualTo(new Capacity(6));
    }

    @Test
    void two_seats_is_the_smallest_room() {
        assertThat(mesh.capacityFor(2)).isEqualTo(new Capacity(2));
    }

    @Test
    void a_room_of_one_is_refused() {
        assertThat(refusalOf(() -> mesh.capacityFor(1))).isEqualTo(ErrorCode.INVALID_CAPACITY);
        assertThat(refusalOf(() -> mesh.capacityFor(0))).isEqualTo(ErrorCode.INVALID_CAPACITY);
        assertThat(refusalOf(() -> mesh.capacityFor(-3))).isEqualTo(ErrorCode.INVALID_CAPACITY);
    }

    @Test
    void the_backends_maximum_is_allowed() {
        assertThat(mesh.capacityFor(8)).isEqualTo(new Capacity(8));
    }

    @Test
    void more_than_the_backend_can_carry_is_refused() {
        assertThat(refusalOf(() -> mesh.capacityFor(9))).isEqualTo(ErrorCode.INVALID_CAPACITY);
    }

    @Test
    void a_backend_cannot_offer_a_default_below_two_or_above_its_maximum() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CapacityLimits(1, 8));
        assertThatIllegalArgumentException().isThrownBy(() -> new CapacityLimits(9, 8));
    }

    @Test
    void a_capacity_below_two_cannot_exist() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Capacity(1));
    }
}
