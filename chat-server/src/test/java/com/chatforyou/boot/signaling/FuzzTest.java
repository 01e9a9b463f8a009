package com.chatforyou.boot.signaling;

import static com.chatforyou.boot.signaling.SignalingTestClient.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.chatforyou.domain.model.ErrorCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeded fuzzing: several connections send {@value #FRAMES} bad frames (broken JSON, wrong types, huge
 * strings, unknown destinations, SDP garbage, candidates for another room's links, host, hand and
 * reaction requests aimed at another room or at nobody, frames that are not STOMP), one at a time
 * each, while a well-behaved room chats; each fuzzing connection hosts a room of its own. Every bad frame must be answered with a
 * typed error or end its connection; the room must see all its messages and no error; nothing is logged
 * at ERROR. The seed is printed; rerun one with {@code -Dchatforyou.fuzz.seed=<seed>}.
 *
 * <p>Rate limits are raised: this test is about what the server does with bad content, and rate
 * limiting has its own test; with the defaults most frames would only be answered "rate-limited".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "chatforyou.rooms.reconnect-grace=0s", "chatforyou.rooms.max-rooms=1000",
        // So the fuzzed Forwarded / X-Forwarded-For handshake headers are read, not just removed.
        "chatforyou.internet.trusted-proxies=127.0.0.1",
        "chatforyou.limits.chat.rate=1000000", "chatforyou.limits.chat.burst=1000000",
        "chatforyou.limits.negotiation.rate=1000000", "chatforyou.limits.negotiation.burst=1000000",
        "chatforyou.limits.requests.rate=1000000", "chatforyou.limits.requests.burst=1000000"})
class FuzzTest {
    static final int FRAMES = 10_000;
    private static final int SESSIONS = 4;
    private static final int ROOM_MESSAGES_EACH = 100;
    private static final Set<String> WIRE_CODES = Arrays.stream(ErrorCode.values()).map(ErrorCode::wireCode)
            .collect(Collectors.toSet());

    @LocalServerPort
    int port;

    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicInteger typedErrors = new AtomicInteger();
    private final AtomicInteger closedSessions = new AtomicInteger();
    private final Map<String, AtomicInteger> codes = new ConcurrentHashMap<>();
    private volatile BadFrames.Targets foreign;
    private volatile String passwordRoom;
    private static final String TAKEN_ROOM_NAME = "Calm room";

    @Test
    void badFramesGetTypedErrorsOrClosedSessionsAndHurtNobody() throws Exception {
        long seed = Long.getLong("chatforyou.fuzz.seed", System.nanoTime());
        System.out.println("FuzzTest seed: " + seed + " (rerun with -Dchatforyou.fuzz.seed=" + seed + ")");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(log);
        try (SignalingTestClient ann = SignalingTestClient.connect(port);
             SignalingTestClient bob = SignalingTestClient.connect(port)) {
            String roomId = ann.createRoom(TAKEN_ROOM_NAME, null, null);
            passwordRoom = bob.createRoom(uniqueName("Guarded"), null, "the-real-password");
            String annId = ann.join(roomId, "Ann", null, true, true).at("/self/participantId").asString();
            String bobId = bob.join(roomId, "Bob", null, true, true).at("/self/participantId").asString();
            List<String> links = new ArrayList<>();
            links.add(bob.nextOfType("link-open").path("linkId").asString());
            links.add(bob.nextOfType("link-open").path("linkId").asString());
            // Ann hosts the calm room; every fuzzing connection hosts a room of its own and aims at hers too.
            foreign = new BadFrames.Targets(null, roomId, List.copyOf(links), List.of(annId, bobId));

            ExecutorService threads = Executors.newFixedThreadPool(SESSIONS + 1);
            List<Future<?>> running = new ArrayList<>();
            for (int session = 0; session < SESSIONS; session++) {
                long sessionSeed = seed + session;
                // The last connection never takes a seat: it fuzzes joins (names, passwords) and creations.
                boolean guest = session == SESSIONS - 1;
                running.add(threads.submit(() -> {
                    fuzz(new Random(sessionSeed), FRAMES / SESSIONS, guest);
                    return null;
                }));
            }
            running.add(threads.submit(() -> {
                for (int i = 0; i < ROOM_MESSAGES_EACH; i++) {
                    ann.send("/app/chat.send", Map.of("roomId", roomId, "text", "ann " + i));
                    bob.send("/app/chat.send", Map.of("roomId", roomId, "text", "bob " + i));
                }
                return null;
            }));
            for (Future<?> task : running) {
                task.get(300, TimeUnit.SECONDS);
            }
            threads.shutdown();

            System.out.println("FuzzTest answers: " + typedErrors + " typed errors " + codes + ", "
                    + closedSessions + " closed sessions");
            assertThat(typedErrors.get() + closedSessions.get()).isEqualTo(FRAMES);
            assertThat(typedErrors.get()).isGreaterThan(FRAMES / 2);
            assertThat(closedSessions.get()).isPositive();
            for (SignalingTestClient member : List.of(ann, bob)) {
                assertThat(chatSeenBy(member)).hasSize(2 * ROOM_MESSAGES_EACH);
                assertThat(member.stompErrors()).isEmpty();
            }
            try (SignalingTestClient newcomer = SignalingTestClient.connect(port)) {
                newcomer.send("/app/lobby.rooms", Map.of());
                JsonNode calm = null;
                for (JsonNode room : newcomer.next("rooms").path("rooms")) {
                    calm = room.path("roomId").asString().equals(roomId) ? room : calm;
                }
                assertThat(calm).as("the calm room after the fuzzing").isNotNull();
                assertThat(calm.path("participants").asInt()).isEqualTo(2);
                assertThat(List.of(calm.path("locked").asBoolean(), calm.path("passwordRequired").asBoolean(),
                        calm.path("waitingRoom").asBoolean())).containsOnly(false);
                String afterwards = newcomer.createRoom(uniqueName("After"), null, null);
                assertThat(newcomer.join(afterwards, "Nia", null, false, false).path("type").asString())
                        .isEqualTo("joined");
            }
        } finally {
            root.detachAppender(log);
        }
        List<String> errors = log.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(errors).as("ERROR log lines").isEmpty();
    }

    /** All chat texts a member received; any error event fails the test. */
    private List<String> chatSeenBy(SignalingTestClient member) {
        List<String> texts = new ArrayList<>();
        while (texts.size() < 2 * ROOM_MESSAGES_EACH) {
            JsonNode event = member.nextEvent();
            assertThat(event.path("type").asString()).as("event %s", event).isNotIn("error", "muted-by-host",
                    "removed", "meeting-ended", "room-settings", "role-changed", "hands", "reaction",
                    "media-stopped-by-host", "participant-left", "media-state");
            if (event.path("type").asString().equals("chat")) {
                texts.add(event.at("/message/text").asString());
            }
        }
        return texts;
    }

    private void fuzz(Random random, int frames, boolean guest) throws Exception {
        FuzzSession session = new FuzzSession(random, guest);
        for (int i = 0; i < frames; i++) {
            session.sendAndExpectAnswer(random);
        }
        session.client.kill();
    }

    /** One fuzzing connection, seated alone in its own room; replaced whenever the server closes it. */
    private final class FuzzSession {
        final Random random;
        final boolean guest;
        RawWebSocket client;
        String roomId;

        FuzzSession(Random random, boolean guest) throws Exception {
            this.random = random;
            this.guest = guest;
            open();
        }

        /** Each connection's handshake carries fuzzed forwarded headers; it must be accepted all the same. */
        void open() throws Exception {
            client = RawWebSocket.stompFrom(port, "127.0.0.1", BadFrames.forwardedHeaders(random));
            client.startReading();
            if (guest) {
                return;
            }
            client.sendStomp("/app/room.create", "{\"name\":\"fuzz-" + UUID.randomUUID().toString().substring(0, 12) + "\"}");
            roomId = json.readTree(client.nextOfType("room-created")).at("/room/roomId").asString();
            client.sendStomp("/app/room.join", json.writeValueAsString(Map.of("roomId", roomId, "displayName", "Fuzz",
                    "media", Map.of("audio", false, "video", false))));
            client.nextOfType("joined");
        }

        void sendAndExpectAnswer(Random random) throws Exception {
            String frame = guest ? BadFrames.nextForGuest(random, passwordRoom, TAKEN_ROOM_NAME)
                    : BadFrames.next(random, new BadFrames.Targets(roomId, foreign.foreignRoom(),
                            foreign.foreignLinks(), foreign.foreignParticipants()));
            try {
                client.sendText(frame);
            } catch (java.io.IOException closedMeanwhile) {
                // The server closed the connection on an earlier frame's heels; the answer says so below.
            }
            String answer = client.next();
            assertThat(answer).as("answer to %s", abbreviated(frame)).isNotNull();
            if (answer.equals(RawWebSocket.CLOSED) || answer.startsWith("ERROR")) {
                closedSessions.incrementAndGet();
                client.kill();
                open();
                return;
            }
            String body = RawWebSocket.bodyOf(answer);
            JsonNode event = json.readTree(body);
            assertThat(event.path("type").asString()).as("answer to %s: %s", abbreviated(frame), body)
                    .isEqualTo("error");
            String code = event.path("code").asString();
            assertThat(WIRE_CODES).as("error code").contains(code);
            assertThat(code).isNotEqualTo("internal-error");
            if (guest) {
                assertThat(code).as("answer to %s", abbreviated(frame)).isIn("wrong-password", "too-many-attempts",
                        "password-checks-busy", "invalid-display-name", "invalid-room-name", "room-name-taken",
                        "invalid-password", "malformed-message", "rate-limited");
            }
            codes.computeIfAbsent(code, c -> new AtomicInteger()).incrementAndGet();
            typedErrors.incrementAndGet();
        }
    }

    private static String abbreviated(String frame) {
        String shown = frame.length() > 300 ? frame.substring(0, 300) + "…(" + frame.length() + " chars)" : frame;
        return shown.replace("\0", "\\0");
    }
}
