package com.chatforyou.boot.janus;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.adapter.media.Polling;
import com.chatforyou.adapter.media.SampleOffers;
import com.chatforyou.adapter.media.janus.JanusAdmin;
import com.chatforyou.adapter.media.janus.JanusProcess;
import com.chatforyou.adapter.media.pool.MediaServerPool;
import com.chatforyou.boot.kurento.Health;
import com.chatforyou.boot.signaling.RawWebSocket;
import com.chatforyou.boot.signaling.ServerCounts;
import com.chatforyou.domain.port.out.MediaPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Leak accounting on a real Janus: 240 join-and-go cycles, rooms of two with media links (every join
 * attaches publisher and subscriber handles in Janus, and half the publishers publish an offer), each
 * participant leaving by a leave message, a closed socket or a reset connection. Janus' Admin API then
 * counts what is left: no videoroom and no handle but the app's one for room requests, in the app's
 * one session; the Actuator gauges agree. Once the backend closes, as at shutdown, Janus holds nothing at all.
 */
@Tag("janus")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.endpoint.health.show-details=always",
        "chatforyou.rooms.reconnect-grace=1s", "chatforyou.rooms.reconnect-sweep-interval=200ms",
        "chatforyou.rooms.max-rooms=1000", "chatforyou.rooms.max-participants=1000"})
@DirtiesContext
@DisplayName("Janus backend: 240 join, leave and disconnect cycles leave nothing in a real Janus")
class JanusChurnTest {
    private static final JanusProcess JANUS = JanusProcess.running();
    private static final int CYCLES = 240;
    private static final int WORKERS = 2;

    @LocalServerPort
    int port;
    @Autowired
    MediaPort media;

    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicInteger left = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private final AtomicInteger killed = new AtomicInteger();
    private final AtomicInteger published = new AtomicInteger();

    @DynamicPropertySource
    static void useJanus(DynamicPropertyRegistry registry) {
        JanusBackend.use(registry, JANUS);
    }

    @AfterAll
    static void stopJanus() {
        JANUS.close();
    }

    @Test
    void join_leave_and_disconnect_churn_leaves_no_session_handle_or_room_in_janus() throws Exception {
        Polling.awaitTrue("the backend to reach Janus", () -> Health.status(port).equals("UP"));
        JanusAdmin admin = JANUS.admin();
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        List<Future<?>> done = new ArrayList<>();
        for (int worker = 0; worker < WORKERS; worker++) {
            long seed = worker;
            done.add(workers.submit(() -> {
                Random random = new Random(seed);
                for (int pair = 0; pair < CYCLES / 2 / WORKERS; pair++) {
                    onePairComesAndGoes(random);
                }
                return null;
            }));
        }
        for (Future<?> worker : done) {
            worker.get(300, TimeUnit.SECONDS);
        }
        workers.shutdown();
        assertThat(left.get() + closed.get() + killed.get()).isEqualTo(CYCLES);
        assertThat(List.of(left.get(), closed.get(), killed.get())).allSatisfy(n -> assertThat(n).isPositive());
        assertThat(published.get()).isPositive();

        ServerCounts counts = new ServerCounts(port);
        assertThat(counts.awaitNothingHeld(60)).allSatisfy((name, value) -> assertThat(value).as(name).isZero());
        JanusAdmin.Census census = Polling.awaitValue("Janus to hold only the app's session and room handle",
                () -> census(admin), c -> c.rooms() == 0 && c.handles() == 1);
        assertThat(census.sessions()).as("sessions in Janus").isEqualTo(1);
        assertThat(census.appHandles()).as("handles marked as the app's").isEqualTo(1);
        assertThat(counts.gauge("chatforyou.janus.sessions")).isEqualTo(1.0);
        assertThat(counts.gauge("chatforyou.janus.handles")).isEqualTo(1.0);

        // What the app's shutdown does with the backend (Spring closes the bean).
        ((MediaServerPool) media).close();
        JanusAdmin.Census afterStop = Polling.awaitValue("Janus to hold nothing once the app stopped",
                () -> census(admin), JanusAdmin.Census::isEmpty);
        assertThat(afterStop).isEqualTo(new JanusAdmin.Census(0, 0, 0, 0));
    }

    private static JanusAdmin.Census census(JanusAdmin admin) {
        try {
            return admin.census();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void onePairComesAndGoes(Random random) throws Exception {
        RawWebSocket first = RawWebSocket.stomp(port, null);
        RawWebSocket second = RawWebSocket.stomp(port, null);
        first.startReading();
        second.startReading();
        first.sendStomp("/app/room.create", "{\"name\":\"janus-churn-" + UUID.randomUUID().toString().substring(0, 12) + "\"}");
        String roomId = json.readTree(first.nextOfType("room-created")).at("/room/roomId").asString();
        first.sendStomp("/app/room.join", join(roomId, "First", true, true));
        first.nextOfType("joined");
        JsonNode upstream = json.readTree(first.nextOfType("link-open"));
        boolean secondPublishes = random.nextBoolean();
        second.sendStomp("/app/room.join", join(roomId, "Second", secondPublishes, false));
        second.nextOfType("joined");
        second.nextOfType("link-open");
        if (random.nextBoolean()) {
            first.sendStomp("/app/link.sdp", json.writeValueAsString(Map.of("linkId", upstream.path("linkId").asString(),
                    "description", Map.of("type", "offer", "sdp", SampleOffers.publishesAudioAndVideo()))));
            // Janus' answer on the upstream itself (Janus' offers on receiving links are sdp events too).
            String link = upstream.path("linkId").asString();
            JsonNode sdp;
            do {
                sdp = json.readTree(first.nextOfType("sdp"));
            } while (!link.equals(sdp.path("linkId").asString()));
            assertThat(sdp.at("/description/type").asString()).isEqualTo("answer");
            published.incrementAndGet();
        }
        goAway(first, random);
        goAway(second, random);
    }

    private String join(String roomId, String name, boolean audio, boolean video) {
        return json.writeValueAsString(Map.of("roomId", roomId, "displayName", name,
                "media", Map.of("audio", audio, "video", video)));
    }

    private void goAway(RawWebSocket client, Random random) throws Exception {
        switch (random.nextInt(3)) {
            case 0 -> {
                client.sendStomp("/app/room.leave", "{}");
                client.nextOfType("left");
                client.closeGracefully();
                left.incrementAndGet();
            }
            case 1 -> {
                client.closeGracefully();
                closed.incrementAndGet();
            }
            default -> {
                client.kill();
                killed.incrementAndGet();
            }
        }
    }
}
