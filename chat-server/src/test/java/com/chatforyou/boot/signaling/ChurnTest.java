package com.chatforyou.boot.signaling;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * 1,000 join-and-go cycles: rooms of two with media (so links open), each participant leaving in one
 * of three ways: a leave message, a closed socket, or a reset connection with no goodbye. Afterwards the
 * server's own gauges show nothing held: no rooms, seats, links, seats waiting for a reconnect, or
 * per-connection rate-limit state. The reconnect grace is short so lost seats are released in the test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "chatforyou.rooms.reconnect-grace=1s", "chatforyou.rooms.reconnect-sweep-interval=200ms",
        "chatforyou.rooms.max-rooms=1000", "chatforyou.rooms.max-participants=1000"})
class ChurnTest {
    private static final int CYCLES = 1000;
    private static final int WORKERS = 4;

    @LocalServerPort
    int port;

    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicInteger left = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private final AtomicInteger killed = new AtomicInteger();

    @Test
    void joinsAndDisconnectsLeaveNothingBehind() throws Exception {
        ServerCounts counts = new ServerCounts(port);
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
            worker.get(120, TimeUnit.SECONDS);
        }
        workers.shutdown();

        assertThat(left.get() + closed.get() + killed.get()).isEqualTo(CYCLES);
        assertThat(List.of(left.get(), closed.get(), killed.get())).allSatisfy(n -> assertThat(n).isPositive());
        assertThat(counts.awaitNothingHeld(60)).allSatisfy((name, value) -> assertThat(value).as(name).isZero());
    }

    private void onePairComesAndGoes(Random random) throws Exception {
        RawWebSocket first = RawWebSocket.stomp(port, null);
        RawWebSocket second = RawWebSocket.stomp(port, null);
        first.startReading();
        second.startReading();
        first.sendStomp("/app/room.create", "{\"name\":\"churn-" + UUID.randomUUID().toString().substring(0, 12) + "\"}");
        String roomId = json.readTree(first.nextOfType("room-created")).at("/room/roomId").asString();
        first.sendStomp("/app/room.join", join(roomId, "First"));
        first.nextOfType("joined");
        second.sendStomp("/app/room.join", join(roomId, "Second"));
        second.nextOfType("joined");
        // Both ends have their link before either goes.
        first.nextOfType("link-open");
        second.nextOfType("link-open");
        goAway(first, random);
        goAway(second, random);
    }

    private String join(String roomId, String name) {
        return json.writeValueAsString(Map.of("roomId", roomId, "displayName", name,
                "media", Map.of("audio", true, "video", true)));
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
