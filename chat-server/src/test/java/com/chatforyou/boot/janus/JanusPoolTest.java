package com.chatforyou.boot.janus;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.adapter.media.Polling;
import com.chatforyou.adapter.media.janus.JanusAdmin;
import com.chatforyou.adapter.media.janus.JanusProcess;
import com.chatforyou.boot.kurento.Health;
import com.chatforyou.boot.signaling.RawWebSocket;
import com.chatforyou.boot.signaling.ServerCounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole server on a pool of two real Janus servers ({@code chatforyou.media.janus.urls}): rooms are
 * spread across both by load, each Janus holds the videorooms placed on it (its own Admin API says so),
 * and a server drained through {@code /actuator/mediaservers} gets no new rooms while its rooms stay
 * until their calls end.
 */
@Tag("janus")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@DisplayName("Janus pool of two real servers: rooms placed by load, draining through the actuator")
class JanusPoolTest {
    private static final List<JanusProcess> JANUS = JanusPoolBackend.startTwo();

    @LocalServerPort
    int port;

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<RawWebSocket> clients = new ArrayList<>();
    private MediaServersEndpoint endpoint;
    private String first;
    private String second;

    @DynamicPropertySource
    static void useJanusPool(DynamicPropertyRegistry registry) {
        JanusPoolBackend.use(registry, JANUS);
    }

    @AfterAll
    static void stopJanus() {
        JANUS.forEach(JanusProcess::close);
    }

    @BeforeEach
    void bothServersUp() {
        endpoint = new MediaServersEndpoint(port);
        first = JanusPoolBackend.idOf(JANUS.get(0));
        second = JanusPoolBackend.idOf(JANUS.get(1));
        Polling.awaitTrue("the backend to reach both Janus servers", () -> Health.status(port).equals("UP")
                && endpoint.up(first) && endpoint.up(second));
        // Placement counts what each Janus reports too: a previous test's links must be gone from that count.
        Polling.awaitValue("both Janus to report no stream", endpoint::servers,
                servers -> reportsEmpty(servers.get(first)) && reportsEmpty(servers.get(second)));
    }

    /** Janus' own count as the pool last read it (Admin API): no videoroom and no link handle (its streams, as placement reads them). */
    private static boolean reportsEmpty(JsonNode server) {
        return server.path("janusRooms").asInt(-1) == 0
                && server.path("janusHandles").asInt(-1) <= server.path("janusSessions").asInt();
    }

    @AfterEach
    void everyoneLeaves() {
        clients.forEach(RawWebSocket::closeGracefully);
        Polling.awaitTrue("every room to close", () -> endpoint.rooms(first) == 0 && endpoint.rooms(second) == 0);
        endpoint.drain(first, false);
        endpoint.drain(second, false);
    }

    @Test
    void rooms_are_spread_across_both_janus_servers_and_each_janus_holds_its_own() throws Exception {
        assertThat(endpoint.servers().keySet()).containsExactly(first, second);
        for (int i = 0; i < 4; i++) {
            roomWithOnePublisher("spread-" + i);
        }

        Map<String, JsonNode> servers = endpoint.servers();
        assertThat(servers.get(first).path("rooms").asInt() + servers.get(second).path("rooms").asInt()).isEqualTo(4);
        // Least streams: each new room goes to the server carrying fewer streams, so neither takes all four.
        assertThat(servers.values()).allSatisfy(server -> assertThat(server.path("rooms").asInt()).isEqualTo(2));
        assertThat(servers.values()).allSatisfy(server -> assertThat(server.path("streams").asInt()).isEqualTo(2));
        // The gauges an operator scrapes say the same, per server.
        ServerCounts counts = new ServerCounts(port);
        assertThat(counts.gauge("chatforyou.media.server.rooms?tag=server:" + first)).isEqualTo(2.0);
        assertThat(counts.gauge("chatforyou.media.server.rooms?tag=server:" + second)).isEqualTo(2.0);
        // And each real Janus holds its two videorooms.
        for (JanusProcess janus : JANUS) {
            Polling.awaitTrue("Janus at " + JanusPoolBackend.idOf(janus) + " to hold two videorooms",
                    () -> census(janus).rooms() == 2);
        }
    }

    @Test
    void a_drained_server_gets_no_new_rooms_keeps_its_calls_and_empties_when_they_end() throws Exception {
        RawWebSocket onFirst = roomWithOnePublisher("before-drain");
        assertThat(endpoint.rooms(first)).isEqualTo(1);
        RawWebSocket secondInTheCall = joinLatestRoomOf(onFirst);
        int streamsOfTheCall = endpoint.servers().get(first).path("streams").asInt();
        assertThat(streamsOfTheCall).as("two participants' links, up and down").isEqualTo(4);

        JsonNode drained = endpoint.drain(first, true);
        assertThat(drained.path("draining").asBoolean()).isTrue();
        assertThat(endpoint.servers().get(first).path("draining").asBoolean()).isTrue();
        assertThat(endpoint.statusOfDrain("10.0.0.1:1")).isEqualTo(404);

        // New rooms go to the other server, even though it now carries more streams than the drained one.
        for (int i = 0; i < 3; i++) {
            roomWithOnePublisher("while-draining-" + i);
        }
        assertThat(endpoint.rooms(second)).isEqualTo(3);
        // The call on the drained server goes on: its room, links and videoroom are still there.
        assertThat(endpoint.rooms(first)).isEqualTo(1);
        assertThat(endpoint.servers().get(first).path("streams").asInt()).isEqualTo(streamsOfTheCall);
        assertThat(census(JANUS.get(0)).rooms()).isEqualTo(1);

        // The call ends: the drained server holds nothing, and can be taken down.
        leave(onFirst);
        leave(secondInTheCall);
        Polling.awaitTrue("the drained server's room count to reach zero", () -> endpoint.rooms(first) == 0);
        Polling.awaitTrue("the drained Janus to hold no videoroom", () -> census(JANUS.get(0)).rooms() == 0);
        Polling.awaitValue("the pool to see that in the drained Janus' own count", () -> endpoint.servers().get(first),
                JanusPoolTest::reportsEmpty);
        assertThat(endpoint.rooms(second)).isEqualTo(3);

        // Taken back, it is the emptier server again and gets the next room.
        endpoint.drain(first, false);
        roomWithOnePublisher("after-drain");
        assertThat(endpoint.rooms(first)).isEqualTo(1);
    }

    private final Map<RawWebSocket, String> roomOf = new java.util.concurrent.ConcurrentHashMap<>();

    /** A new room with one participant sending audio and video; returns once the upstream link is open. */
    private RawWebSocket roomWithOnePublisher(String name) throws Exception {
        RawWebSocket client = connect();
        client.sendStomp("/app/room.create", "{\"name\":\"" + name + "-" + UUID.randomUUID().toString().substring(0, 8) + "\"}");
        String roomId = json.readTree(client.nextOfType("room-created")).at("/room/roomId").asString();
        client.sendStomp("/app/room.join", join(roomId, "Host"));
        client.nextOfType("joined");
        client.nextOfType("link-open");
        roomOf.put(client, roomId);
        return client;
    }

    private RawWebSocket joinLatestRoomOf(RawWebSocket host) throws Exception {
        RawWebSocket client = connect();
        client.sendStomp("/app/room.join", join(roomOf.get(host), "Guest"));
        client.nextOfType("joined");
        client.nextOfType("link-open");
        host.nextOfType("link-open");
        return client;
    }

    private RawWebSocket connect() throws IOException {
        RawWebSocket client = RawWebSocket.stomp(port, null);
        client.startReading();
        clients.add(client);
        return client;
    }

    private static void leave(RawWebSocket client) throws Exception {
        client.sendStomp("/app/room.leave", "{}");
        client.nextOfType("left");
    }

    private String join(String roomId, String name) {
        return json.writeValueAsString(Map.of("roomId", roomId, "displayName", name,
                "media", Map.of("audio", true, "video", true)));
    }

    private static JanusAdmin.Census census(JanusProcess janus) {
        try {
            return janus.admin().census();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
