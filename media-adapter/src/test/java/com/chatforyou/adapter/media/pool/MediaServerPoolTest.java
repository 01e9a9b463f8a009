package com.chatforyou.adapter.media.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatforyou.adapter.media.Polling;
import com.chatforyou.adapter.media.ReportedLoad;
import com.chatforyou.adapter.media.RoomsOnAPool;
import com.chatforyou.adapter.media.RoomsOnAPool.Guest;
import com.chatforyou.domain.model.ChatException;
import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.LinkId;
import com.chatforyou.domain.model.RoomId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The pool's rules, through the real room use cases, on fake media servers: placement by load, a room
 * on one server only, draining, and rooms moving off a lost server by the domain's media reset.
 */
@DisplayName("Media server pool: placement, draining and failover, through the room use cases")
class MediaServerPoolTest {
    private static final PoolSettings QUICK = PoolSettings.defaults()
            .withTimings(Duration.ofMillis(50), Duration.ofMillis(300), Duration.ofMillis(400));

    private final FakeMediaServer a = new FakeMediaServer("a:1");
    private final FakeMediaServer b = new FakeMediaServer("b:1");
    private MediaServerPool pool;
    private RoomsOnAPool rooms;

    @AfterEach
    void closePool() {
        if (pool != null) {
            pool.close();
        }
    }

    private void poolOf(List<FakeMediaServer> servers, PoolSettings settings) {
        pool = new MediaServerPool(servers, PlacementStrategy.leastStreams(), settings);
        rooms = new RoomsOnAPool(pool);
    }

    private RoomId roomWith(String name, int guests) {
        RoomId room = rooms.createRoom(name);
        for (int i = 0; i < guests; i++) {
            rooms.join(room, name + "-guest-" + i);
        }
        return room;
    }

    @Test
    void a_new_room_goes_to_the_server_with_the_fewest_streams_and_stays_there() {
        poolOf(List.of(a, b), QUICK);
        RoomId first = roomWith("first", 2);
        RoomId second = roomWith("second", 1);
        RoomId third = roomWith("third", 1);

        assertThat(a.roomsWithLinks()).containsExactly(first);
        assertThat(b.roomsWithLinks()).containsExactlyInAnyOrder(second, third);

        rooms.join(first, "latecomer");
        assertThat(a.links(first)).as("2 publishers up, 2 down, then 1 up and 4 more").isEqualTo(9);
        assertThat(pool.snapshot()).extracting(ServerSnapshot::id, ServerSnapshot::rooms, ServerSnapshot::participants,
                ServerSnapshot::streams).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a:1", 1, 3, 9), org.assertj.core.groups.Tuple.tuple("b:1", 2, 2, 2));
    }

    @Test
    void a_room_never_spans_servers() {
        poolOf(List.of(a, b), QUICK);
        RoomId big = roomWith("big", 1);
        RoomId small = roomWith("small", 1);
        for (int i = 0; i < 4; i++) {
            rooms.join(big, "more-" + i);
        }

        assertThat(a.links(big)).isEqualTo(25);
        assertThat(b.links(big)).isZero();
        assertThat(b.roomsWithLinks()).containsExactly(small);
    }

    @Test
    void the_load_a_server_reports_itself_counts_so_rooms_of_other_nodes_weigh_in() {
        poolOf(List.of(a, b), QUICK);
        a.report(new ReportedLoad(40, 3, null, null, Map.of()));

        RoomId room = roomWith("room", 1);

        assertThat(b.roomsWithLinks()).containsExactly(room);
    }

    @Test
    void strategies_are_chosen_by_name_and_an_unknown_name_is_refused() {
        assertThat(PlacementStrategy.NAMES).allSatisfy(name -> assertThat(PlacementStrategy.named(name)).isNotNull());
        assertThatThrownBy(() -> PlacementStrategy.named("round-robin")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("least-streams");
        ServerSnapshot busyCpu = new ServerSnapshot("x:1", a.health(), false, 0, 0, 0,
                new ReportedLoad(null, null, 80.0, null, Map.of()));
        ServerSnapshot idleCpu = new ServerSnapshot("y:1", a.health(), false, 5, 9, 30,
                new ReportedLoad(null, null, 10.0, null, Map.of()));
        assertThat(PlacementStrategy.leastCpu().rank(List.of(busyCpu, idleCpu))).first().isEqualTo(idleCpu);
        assertThat(PlacementStrategy.leastRooms().rank(List.of(idleCpu, busyCpu))).first().isEqualTo(busyCpu);
    }

    @Test
    void a_draining_server_gets_no_new_rooms_while_its_calls_go_on_until_they_end() {
        poolOf(List.of(a, b), QUICK);
        RoomId onA = rooms.createRoom("on-a");
        Guest host = rooms.join(onA, "host");
        pool.drain("a:1", true);

        RoomId next = roomWith("next", 3);
        RoomId another = roomWith("another", 1);
        Guest joiner = rooms.join(onA, "joiner");

        assertThat(b.roomsWithLinks()).containsExactlyInAnyOrder(next, another);
        assertThat(a.roomsWithLinks()).containsExactly(onA);
        assertThat(a.links(onA)).as("the drained server's call takes a newcomer").isEqualTo(4);
        assertThat(pool.snapshot("a:1").orElseThrow().draining()).isTrue();
        assertThat(pool.takesNewRooms()).isTrue();

        rooms.leave(joiner);
        rooms.leave(host);
        assertThat(pool.snapshot("a:1").orElseThrow().rooms()).isZero();
        assertThat(pool.drain("nobody:1", true)).isEmpty();
    }

    @Test
    void draining_every_server_leaves_the_pool_unready_and_new_rooms_without_media() {
        poolOf(List.of(a, b), QUICK.withDraining(Set.of("a:1", "b:1")));

        assertThat(pool.takesNewRooms()).isFalse();
        RoomId room = rooms.createRoom("room");
        assertThatThrownBy(() -> rooms.join(room, "ann")).isInstanceOfSatisfying(ChatException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.MEDIA_UNAVAILABLE));
        assertThatThrownBy(() -> new MediaServerPool(List.of(a), PlacementStrategy.leastStreams(),
                QUICK.withDraining(Set.of("c:1")))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void when_a_server_loses_its_session_its_rooms_move_and_their_participants_see_a_notice_and_new_links() {
        poolOf(List.of(a, b), QUICK);
        RoomId moving = rooms.createRoom("moving");
        Guest ann = rooms.join(moving, "ann");
        Guest bob = rooms.join(moving, "bob");
        RoomId staying = roomWith("staying", 1);
        Set<LinkId> annsOldLinks = ann.openLinks();

        a.loseSession();

        Polling.awaitTrue("the room on the other server", () -> b.links(moving) == 4);
        for (Guest guest : List.of(ann, bob)) {
            Polling.awaitValue("the notice, then video back", guest::mediaServerNews, news -> news.equals(List.of(false, true)));
            assertThat(guest.openLinks()).hasSize(2).doesNotContainAnyElementsOf(annsOldLinks);
        }
        assertThat(a.closedRooms()).containsExactly(moving);
        assertThat(b.roomsWithLinks()).containsExactlyInAnyOrder(moving, staying);
        assertThat(pool.snapshot("a:1").orElseThrow().rooms()).isZero();
    }

    @Test
    void a_server_that_stays_unreachable_without_a_word_loses_its_rooms_after_the_failover_delay() {
        poolOf(List.of(a, b), QUICK);
        RoomId room = roomWith("room", 2);

        a.goQuiet();

        Polling.awaitTrue("the room on the other server", () -> b.links(room) == 4);
        assertThat(a.closedRooms()).containsExactly(room);
    }

    @Test
    void a_newcomer_to_a_room_on_a_lost_server_is_refused_and_the_room_moves_at_once() {
        poolOf(List.of(a, b), PoolSettings.defaults().withTimings(Duration.ofMillis(50), Duration.ofHours(1),
                Duration.ofMillis(400)));
        RoomId room = roomWith("room", 1);
        a.goQuiet();

        assertThatThrownBy(() -> rooms.join(room, "late")).isInstanceOfSatisfying(ChatException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.MEDIA_UNAVAILABLE));

        Polling.awaitTrue("the room on the other server", () -> b.links(room) == 1);
        rooms.join(room, "late");
        assertThat(b.links(room)).isEqualTo(4);
    }

    @Test
    void a_lone_server_keeps_its_rooms_through_an_outage_and_rooms_left_without_media_get_it_back() {
        poolOf(List.of(a), QUICK);
        RoomId room = rooms.createRoom("room");
        Guest ann = rooms.join(room, "ann");
        rooms.join(room, "bob");
        a.goQuiet();
        // A reset that finds the server away, then the server back with its old session: no reset of its own.
        a.loseSession();
        Polling.awaitValue("the notice", ann::mediaServerNews, news -> news.equals(List.of(false)));
        assertThat(rooms.mediaLinks()).isZero();

        a.comeBack();

        Polling.awaitValue("video back", ann::mediaServerNews, news -> news.equals(List.of(false, true)));
        assertThat(a.links(room)).isEqualTo(4);
        assertThat(a.closedRooms()).isEmpty();
    }

    @Test
    void with_every_server_down_a_room_waits_and_goes_to_whichever_comes_back() {
        poolOf(List.of(a, b), QUICK);
        RoomId room = rooms.createRoom("room");
        Guest ann = rooms.join(room, "ann");
        b.goQuiet();

        a.loseSession();
        Polling.awaitValue("the notice", ann::mediaServerNews, news -> news.equals(List.of(false)));
        b.comeBack();

        Polling.awaitValue("video back", ann::mediaServerNews, news -> news.equals(List.of(false, true)));
        assertThat(b.links(room)).isEqualTo(1);
        assertThat(a.closedRooms()).containsExactly(room);
    }

    @Test
    void signals_and_resets_from_a_server_the_room_left_are_ignored() {
        poolOf(List.of(a, b), QUICK);
        RoomId room = rooms.createRoom("room");
        Guest ann = rooms.join(room, "ann");
        a.loseSession();
        Polling.awaitValue("video back", ann::mediaServerNews, news -> news.equals(List.of(false, true)));
        Set<LinkId> links = ann.openLinks();

        a.comeBack();
        a.loseSession(); // it still remembers the room and resets it, as a backend might

        assertThat(a.resetsSent()).isEqualTo(2);
        assertThat(ann.openLinks()).isEqualTo(links);
        assertThat(ann.mediaServerNews()).containsExactly(false, true);
    }
}
