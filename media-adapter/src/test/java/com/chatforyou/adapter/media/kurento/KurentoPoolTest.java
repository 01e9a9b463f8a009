package com.chatforyou.adapter.media.kurento;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.adapter.media.Polling;
import com.chatforyou.adapter.media.RoomsOnAPool;
import com.chatforyou.adapter.media.RoomsOnAPool.Guest;
import com.chatforyou.adapter.media.kurento.standin.KmsStandIn;
import com.chatforyou.adapter.media.pool.MediaServerPool;
import com.chatforyou.adapter.media.pool.PlacementStrategy;
import com.chatforyou.adapter.media.pool.PoolSettings;
import com.chatforyou.adapter.media.pool.ServerSnapshot;
import com.chatforyou.domain.model.LinkId;
import com.chatforyou.domain.model.RoomId;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A pool of Kurento servers through the real room use cases, on KMS stand-ins, which move no media:
 * these tests prove placement, moves and object lifecycle on each server, never video.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@DisplayName("Kurento pool on two KMS stand-ins (which move no media), through the room use cases")
class KurentoPoolTest {
    private static final PoolSettings QUICK = PoolSettings.defaults()
            .withTimings(Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(2));

    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).close();
        }
    }

    @Test
    void rooms_spread_over_both_servers_by_streams_and_each_server_holds_only_its_rooms() {
        KmsStandIn one = standIn();
        KmsStandIn two = standIn();
        MediaServerPool pool = pool(PlacementStrategy.leastStreams(), one, two);
        RoomsOnAPool rooms = roomsOn(pool);

        RoomId first = rooms.createRoom("first");
        rooms.join(first, "ann");
        rooms.join(first, "bob");
        RoomId second = rooms.createRoom("second");
        rooms.join(second, "cid");

        assertThat(one.liveObjects("MediaPipeline")).isEqualTo(1);
        assertThat(one.liveObjects("WebRtcEndpoint")).isEqualTo(4);
        assertThat(two.liveObjects("MediaPipeline")).isEqualTo(1);
        assertThat(two.liveObjects("WebRtcEndpoint")).isEqualTo(1);
        assertThat(pool.snapshot()).extracting(ServerSnapshot::rooms, ServerSnapshot::streams)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 4), org.assertj.core.groups.Tuple.tuple(1, 1));
    }

    @Test
    void a_stopped_server_loses_its_rooms_to_the_other_whose_objects_then_carry_them() {
        KmsStandIn one = standIn();
        KmsStandIn two = standIn();
        MediaServerPool pool = pool(PlacementStrategy.leastStreams(), one, two);
        RoomsOnAPool rooms = roomsOn(pool);
        RoomId moving = rooms.createRoom("moving");
        Guest ann = rooms.join(moving, "ann");
        Guest bob = rooms.join(moving, "bob");
        RoomId staying = rooms.createRoom("staying");
        Guest cid = rooms.join(staying, "cid");
        Set<LinkId> annsLinks = ann.openLinks();
        Set<LinkId> cidsLinks = cid.openLinks();

        one.stop();

        Polling.awaitTrue("the moved room's endpoints on the other stand-in",
                () -> two.liveObjects("MediaPipeline") == 2 && two.liveObjects("WebRtcEndpoint") == 5);
        for (Guest guest : List.of(ann, bob)) {
            Polling.awaitValue("the notice, then media back", guest::mediaServerNews, news -> news.equals(List.of(false, true)));
        }
        assertThat(ann.openLinks()).hasSize(2).doesNotContainAnyElementsOf(annsLinks);
        assertThat(cid.openLinks()).isEqualTo(cidsLinks);
        assertThat(cid.mediaServerNews()).isEmpty();
        assertThat(pool.snapshot().get(0).rooms()).isZero();

        rooms.leave(ann);
        rooms.leave(bob);
        rooms.leave(cid);
        Polling.awaitTrue("the surviving stand-in empty", () -> two.liveObjects() == 0);
    }

    @Test
    void a_draining_server_gets_no_new_rooms_and_its_call_goes_on() {
        KmsStandIn one = standIn();
        KmsStandIn two = standIn();
        MediaServerPool pool = pool(PlacementStrategy.leastStreams(), one, two);
        RoomsOnAPool rooms = roomsOn(pool);
        RoomId early = rooms.createRoom("early");
        Guest ann = rooms.join(early, "ann");
        String first = pool.snapshot().get(0).id();

        pool.drain(first, true);
        RoomId later = rooms.createRoom("later");
        rooms.join(later, "bob");
        rooms.join(later, "cid");
        Guest dee = rooms.join(early, "dee");

        assertThat(one.liveObjects("MediaPipeline")).as("only the early room").isEqualTo(1);
        assertThat(one.liveObjects("WebRtcEndpoint")).isEqualTo(4);
        assertThat(two.liveObjects("MediaPipeline")).isEqualTo(1);
        rooms.leave(ann);
        rooms.leave(dee);
        Polling.awaitTrue("the drained stand-in empty", () -> one.liveObjects() == 0);
        assertThat(pool.snapshot(first).orElseThrow().rooms()).isZero();
    }

    @Test
    void the_load_kms_reports_itself_reaches_the_snapshot_and_least_cpu_placement() {
        KmsStandIn busy = standIn();
        KmsStandIn idle = standIn();
        busy.reportLoad(90.5f, 900_000);
        idle.reportLoad(12.5f, 400_000);
        MediaServerPool pool = pool(PlacementStrategy.leastCpu(), busy, idle);
        RoomsOnAPool rooms = roomsOn(pool);
        Polling.awaitTrue("both servers' load sampled", () -> pool.snapshot().stream()
                .allMatch(server -> server.reported().cpuPercent() != null));
        rooms.join(rooms.createRoom("room"), "ann");

        assertThat(idle.liveObjects("MediaPipeline")).isEqualTo(1);
        assertThat(busy.liveObjects()).isZero();
        ServerSnapshot reported = pool.snapshot().get(0);
        assertThat(reported.reported().cpuPercent()).isEqualTo(90.5);
        assertThat(reported.reported().usedMemoryKib()).isEqualTo(900_000L);
        assertThat(reported.reported().figures()).containsKeys("kmsUsedCpuPercent", "kmsUsedMemoryKib", "kmsPipelines");
    }

    /**
     * The gap a lone KMS had: KMS restarts, the room's reset is cut short by a second outage, and KMS
     * comes back with the session the reset had begun in. Its adapter then saw nothing to reset, and the
     * room stayed without media; the pool knows the reset failed and runs it again.
     */
    @Test
    void a_reset_cut_short_by_a_second_outage_that_resumes_the_session_still_brings_the_media_back() {
        KmsStandIn kms = standIn();
        MediaServerPool pool = pool(PlacementStrategy.leastStreams(), kms);
        RoomsOnAPool rooms = roomsOn(pool);
        RoomId room = rooms.createRoom("room");
        Guest ann = rooms.join(room, "ann");
        rooms.join(room, "bob");

        kms.partitionAfterCreating(1);
        kms.restart();

        Polling.awaitTrue("the reset cut short by the partition, and the room waiting for media",
                () -> !kms.listening() && pool.roomsAwaitingMedia() == 1);
        int sessions = kms.sessionsOpened();
        kms.heal();

        Polling.awaitTrue("media back", () -> pool.roomsAwaitingMedia() == 0 && ann.mediaServerNews().size() >= 2
                && ann.mediaServerNews().get(ann.mediaServerNews().size() - 1));
        assertThat(kms.sessionsOpened()).as("no new session: the one the reset began in resumed").isEqualTo(sessions);
        Polling.awaitTrue("one pipeline and the room's four endpoints",
                () -> kms.liveObjects("MediaPipeline") == 1 && kms.liveObjects("WebRtcEndpoint") == 4);
    }

    /** The room use cases over the pool, once every server of it is connected. */
    private static RoomsOnAPool roomsOn(MediaServerPool pool) {
        RoomsOnAPool rooms = new RoomsOnAPool(pool);
        Polling.awaitTrue("every stand-in connected", () -> pool.snapshot().stream().allMatch(s -> s.health().up()));
        return rooms;
    }

    private KmsStandIn standIn() {
        KmsStandIn kms = KmsStandIn.running();
        cleanup.add(kms);
        return kms;
    }

    /**
     * Short bounds, so an outage shows quickly, yet kurento-client may take 12 s ((connect + request) x 2)
     * to resume a session before the adapter gives the client up for a new one.
     */
    private MediaServerPool pool(PlacementStrategy strategy, KmsStandIn... standIns) {
        List<KurentoMediaAdapter> servers = new ArrayList<>();
        for (KmsStandIn kms : standIns) {
            KurentoMediaAdapter adapter = new KurentoMediaAdapter(new KurentoSettings(URI.create(kms.url()),
                    Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(6), Duration.ofMillis(100),
                    Duration.ofMillis(500)));
            adapter.sampleServerLoad(Duration.ofMillis(200));
            servers.add(adapter);
        }
        MediaServerPool pool = new MediaServerPool(servers, strategy, QUICK);
        cleanup.add(pool);
        return pool;
    }
}
