package com.chatforyou.boot.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Per-address quotas, with clients on different loopback addresses (127.0.0.0/8 is all loopback): one
 * address floods, another is not bothered. The request rate limit is raised so the flood reaches the
 * quotas instead of being slowed down first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "chatforyou.internet.quotas.connections-per-address=4",
        "chatforyou.internet.quotas.rooms-per-address-per-hour=6",
        "chatforyou.internet.quotas.unjoined-rooms-per-address=2",
        "chatforyou.limits.requests.rate=1000", "chatforyou.limits.requests.burst=1000"})
class PerAddressQuotasTest {
    private static final String FLOODER = "127.0.7.1";
    private static final String NEIGHBOUR = "127.0.7.2";
    private static final String THIRD = "127.0.7.3";

    @LocalServerPort
    int port;

    private final JsonMapper json = JsonMapper.builder().build();

    private JsonNode create(RawWebSocket client) throws Exception {
        client.sendStomp("/app/room.create", "{\"name\":\"q-" + UUID.randomUUID().toString().substring(0, 8) + "\"}");
        String answer = client.next();
        assertThat(answer).isNotNull().startsWith("MESSAGE");
        return json.readTree(RawWebSocket.bodyOf(answer));
    }

    @Test
    void oneAddressFloodingRoomCreateLeavesAnotherAddressFreeToCreate() throws Exception {
        try (RawWebSocket flooder = RawWebSocket.stompFrom(port, FLOODER, "");
             RawWebSocket neighbour = RawWebSocket.stompFrom(port, NEIGHBOUR, "")) {
            flooder.startReading();
            neighbour.startReading();
            Map<String, Integer> answers = new HashMap<>();
            for (int i = 0; i < 200; i++) {
                JsonNode answer = create(flooder);
                String kind = answer.path("type").asString().equals("error") ? answer.path("code").asString()
                        : answer.path("type").asString();
                answers.merge(kind, 1, Integer::sum);
            }

            assertThat(answers).containsOnlyKeys("room-created", "too-many-unjoined-rooms")
                    .containsEntry("room-created", 2).containsEntry("too-many-unjoined-rooms", 198);
            JsonNode created = create(neighbour);
            assertThat(created.path("type").asString()).isEqualTo("room-created");
            neighbour.sendStomp("/app/room.join", json.writeValueAsString(Map.of(
                    "roomId", created.at("/room/roomId").asString(), "displayName", "Nia")));
            assertThat(neighbour.nextOfType("joined")).contains("\"displayName\":\"Nia\"");
        }
    }

    @Test
    void anAddressThatKeepsJoiningItsRoomsStillCreatesOnlyItsHourlyAllowance() throws Exception {
        List<RawWebSocket> members = new ArrayList<>();
        try (RawWebSocket host = RawWebSocket.stompFrom(port, THIRD, "");
             RawWebSocket neighbour = RawWebSocket.stompFrom(port, NEIGHBOUR, "")) {
            host.startReading();
            neighbour.startReading();
            int created = 0;
            String refusal = null;
            while (refusal == null && created < 20) {
                JsonNode answer = create(host);
                if (answer.path("type").asString().equals("error")) {
                    refusal = answer.path("code").asString();
                    break;
                }
                created++;
                // Someone from elsewhere joins it, so it no longer counts as unjoined.
                RawWebSocket member = RawWebSocket.stompFrom(port, "127.0.8." + created, "");
                member.startReading();
                members.add(member);
                member.sendStomp("/app/room.join", json.writeValueAsString(Map.of(
                        "roomId", answer.at("/room/roomId").asString(), "displayName", "M" + created)));
                member.nextOfType("joined");
            }

            assertThat(refusal).isEqualTo("too-many-rooms-created");
            assertThat(created).isEqualTo(6);
            assertThat(create(neighbour).path("type").asString()).isEqualTo("room-created");
        } finally {
            members.forEach(RawWebSocket::kill);
        }
    }

    @Test
    void anAddressOverItsConnectionLimitIsClosedWithAReasonAndOthersStillConnect() throws Exception {
        List<RawWebSocket> open = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                open.add(RawWebSocket.stompFrom(port, "127.0.9.1", ""));
            }
            RawWebSocket fifth = RawWebSocket.handshakeFrom(port, "127.0.9.1");
            open.add(fifth);
            assertThat(fifth.status()).isEqualTo(101);
            fifth.startReading();
            assertThat(fifth.next()).isEqualTo(RawWebSocket.CLOSED);
            assertThat(fifth.closeStatus()).isEqualTo("1008 too-many-connections");

            RawWebSocket elsewhere = RawWebSocket.stompFrom(port, "127.0.9.2", "");
            open.add(elsewhere);
            elsewhere.startReading();
            assertThat(create(elsewhere).path("type").asString()).isEqualTo("room-created");

            // A connection that closes frees its place for the next one.
            open.get(0).closeGracefully();
            RawWebSocket again = pollUntilAccepted("127.0.9.1");
            open.add(again);
            again.startReading();
            assertThat(create(again).path("type").asString()).isEqualTo("room-created");
        } finally {
            open.forEach(RawWebSocket::kill);
        }
    }

    /** The server notices a close a moment later; until then the address is still full. */
    private RawWebSocket pollUntilAccepted(String from) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return RawWebSocket.stompFrom(port, from, "");
            } catch (java.io.IOException refused) {
                if (System.nanoTime() > deadline) {
                    throw refused;
                }
                Thread.sleep(100);
            }
        }
    }
}
