package com.chatforyou.boot;

import static com.chatforyou.boot.ParticipantCapacity.MIB;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The participant cap that follows the heap; the costs behind it are measured by ./bench.sh. */
class ParticipantCapacityTest {

    /** The image in a 512 MiB container: 60 % of the limit is heap. */
    private static final long CONTAINER_HEAP = 512 * MIB * 60 / 100;

    @Test
    void aHeapHoldsWhatIsLeftOfItsLiveShareAfterTheIdleServerAndTheRoomsAtTheMeasuredCostEach() {
        ParticipantCapacity capacity = new ParticipantCapacity(CONTAINER_HEAP, 100);

        long share = CONTAINER_HEAP / 100 * 60;
        long expected = (share - 48 * MIB - 100 * ParticipantCapacity.ROOM_BYTES) / (64 * 1024);
        assertThat(capacity.participants()).isEqualTo((int) expected).isBetween(1500, 2000);
    }

    @Test
    void moreRoomsLeaveRoomForFewerParticipants() {
        assertThat(new ParticipantCapacity(CONTAINER_HEAP, 300).participants())
                .isLessThan(new ParticipantCapacity(CONTAINER_HEAP, 100).participants());
    }

    @Test
    void withoutAConfiguredCapTheDerivedOneIsUsedAndNothingIsWarned() {
        ParticipantCapacity capacity = new ParticipantCapacity(CONTAINER_HEAP, 100);

        assertThat(capacity.cap(null)).isEqualTo(capacity.participants());
        assertThat(capacity.describe(null)).startsWith("max participants " + capacity.participants() + " (derived");
        assertThat(capacity.warning(null)).isEmpty();
    }

    @Test
    void aConfiguredCapIsUsedAsItIsAndWarnedAboutOnlyWhenTheHeapCannotHoldIt() {
        ParticipantCapacity capacity = new ParticipantCapacity(CONTAINER_HEAP, 100);
        int holds = capacity.participants();

        assertThat(capacity.cap(holds + 1)).isEqualTo(holds + 1);
        assertThat(capacity.warning(holds)).isEmpty();
        assertThat(capacity.warning(holds + 1)).get().asString()
                .startsWith("chatforyou.rooms.max-participants is " + (holds + 1) + ": a max heap of 307 MiB holds about "
                        + holds + " participants");
    }

    @Test
    void connectionsGetAQuarterMoreThanParticipantsAndAtLeast64More() {
        assertThat(ParticipantCapacity.connections(865)).isEqualTo(865 + 216);
        assertThat(ParticipantCapacity.connections(10)).isEqualTo(74);
    }

    @Test
    void aHeapTooSmallForAnyoneStillAdmitsOneAndSaysSo() {
        ParticipantCapacity capacity = new ParticipantCapacity(64 * MIB, 100);

        assertThat(capacity.participants()).isZero();
        assertThat(capacity.cap(null)).isEqualTo(1);
        assertThat(capacity.warning(null)).get().asString().startsWith("The heap holds no participant");
    }
}
