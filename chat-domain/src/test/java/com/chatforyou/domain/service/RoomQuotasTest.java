package com.chatforyou.domain.service;

import static com.chatforyou.domain.fixtures.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.domain.model.ClientAddress;
import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.port.in.CreateRoomUseCase.CreateRoomCommand;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What one client address may create: rooms per hour, and rooms nobody has joined yet. */
class RoomQuotasTest {
    private static final ClientAddress FLOODER = new ClientAddress("198.51.100.7");
    private static final ClientAddress NEIGHBOUR = new ClientAddress("203.0.113.20");

    private final RoomServiceFixture chat = new RoomServiceFixture(
            Safeguards.DEFAULTS.withRoomQuotas(new RoomQuotas(5, 2)));
    private int created;

    private RoomId create(ClientAddress from) {
        created++;
        return chat.lobby.createRoom(new CreateRoomCommand("Room " + created, null, null, null, from))
                .toCompletableFuture().join().id();
    }

    @Test
    void an_address_may_hold_only_so_many_rooms_nobody_joined() {
        create(FLOODER);
        create(FLOODER);

        assertThat(refusalOf(() -> create(FLOODER))).isEqualTo(ErrorCode.TOO_MANY_UNJOINED_ROOMS);
    }

    @Test
    void another_address_still_creates_rooms() {
        create(FLOODER);
        create(FLOODER);
        refusalOf(() -> create(FLOODER));

        RoomId neighbours = create(NEIGHBOUR);

        assertThat(chat.listed(neighbours)).isPresent();
    }

    @Test
    void a_joined_room_no_longer_counts_as_unjoined() {
        RoomId first = create(FLOODER);
        create(FLOODER);
        chat.join(first, "Ann");

        create(FLOODER);
    }

    @Test
    void an_expired_unjoined_room_no_longer_counts() {
        create(FLOODER);
        create(FLOODER);
        chat.clock.advance(RoomSettings.DEFAULTS.abandonedRoomTimeout().plusSeconds(1));
        chat.lobby.closeAbandonedRooms();

        create(FLOODER);
    }

    @Test
    void an_address_creates_at_most_its_hourly_allowance() {
        for (int i = 0; i < 5; i++) {
            chat.join(create(FLOODER), "Host " + i);
        }

        assertThat(refusalOf(() -> create(FLOODER))).isEqualTo(ErrorCode.TOO_MANY_ROOMS_CREATED);
        create(NEIGHBOUR);
    }

    @Test
    void the_allowance_comes_back_as_the_hour_moves_on() {
        for (int i = 0; i < 5; i++) {
            chat.join(create(FLOODER), "Host " + i);
            chat.clock.advance(Duration.ofMinutes(10));
        }
        refusalOf(() -> create(FLOODER));

        chat.clock.advance(Duration.ofMinutes(11));

        create(FLOODER);
    }

    @Test
    void a_refused_creation_does_not_count() {
        create(FLOODER);
        create(FLOODER);
        for (int i = 0; i < 10; i++) {
            refusalOf(() -> create(FLOODER));
        }
        chat.clock.advance(RoomSettings.DEFAULTS.abandonedRoomTimeout().plusSeconds(1));
        chat.lobby.closeAbandonedRooms();

        create(FLOODER);
        create(FLOODER);
    }
}
