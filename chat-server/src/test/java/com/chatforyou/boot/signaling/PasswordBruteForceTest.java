package com.chatforyou.boot.signaling;

import static com.chatforyou.boot.signaling.SignalingTestClient.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A brute force on one password-protected room from 30 connections on 15 addresses, each connection within its
 * rate limit, while other people use the server. Outcomes only: every guess gets exactly one typed
 * refusal, none gets in, the other people join their rooms and chat without losing a message, and
 * nothing is logged at ERROR. How long anything took is the benchmark's business (bench.sh --brute-force).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // The shipped defaults, not the test suite's raised ones.
        "chatforyou.internet.passwords.per-client.free-failures=5",
        "chatforyou.internet.passwords.per-room.free-failures=20",
        "chatforyou.internet.passwords.per-room.max-delay=2s"})
class PasswordBruteForceTest {
    private static final int ATTACKERS = 30;
    private static final int GUESSES_EACH = 20;
    private static final Set<String> ATTACK_REFUSALS = Set.of("wrong-password", "too-many-attempts",
            "password-checks-busy");

    @LocalServerPort
    int port;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void guessersGetTypedRefusalsWhileEveryoneElseJoinsAndChats() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(log);
        Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
        try (SignalingTestClient host = SignalingTestClient.connect(port);
             SignalingTestClient ann = SignalingTestClient.connect(port);
             SignalingTestClient bob = SignalingTestClient.connect(port)) {
            String target = host.createRoom(uniqueName("Target"), null, "correct horse battery staple");
            String board = ann.createRoom(uniqueName("Board"), null, "b0ard");

            ExecutorService threads = Executors.newFixedThreadPool(ATTACKERS);
            List<Future<Integer>> attacks = new ArrayList<>();
            for (int i = 0; i < ATTACKERS; i++) {
                String from = "127.0.20." + (1 + i / 2);
                int attacker = i;
                attacks.add(threads.submit(() -> guess(from, attacker, target, refusals)));
            }

            // Meanwhile: a password-protected room of their own, and chat in it.
            ann.requestJoin(board, "Ann", "b0ard", false, false);
            assertThat(ann.next("joined").at("/room/roomId").asString()).isEqualTo(board);
            bob.requestJoin(board, "Bob", "b0ard", false, false);
            assertThat(bob.next("joined").at("/room/roomId").asString()).isEqualTo(board);
            for (int i = 0; i < 20; i++) {
                ann.send("/app/chat.send", Map.of("roomId", board, "text", "during " + i));
            }

            int answered = 0;
            for (Future<Integer> attack : attacks) {
                answered += attack.get(300, TimeUnit.SECONDS);
            }
            threads.shutdown();

            System.out.println("PasswordBruteForceTest refusals: " + refusals);
            assertThat(answered).isEqualTo(ATTACKERS * GUESSES_EACH);
            assertThat(refusals.keySet()).isSubsetOf(ATTACK_REFUSALS).contains("wrong-password");
            List<String> chat = new ArrayList<>();
            while (chat.size() < 20) {
                JsonNode event = bob.nextEvent();
                assertThat(event.path("type").asString()).isNotEqualTo("error");
                if (event.path("type").asString().equals("chat")) {
                    chat.add(event.at("/message/text").asString());
                }
            }
            assertThat(chat).first().isEqualTo("during 0");
            assertThat(chat).last().isEqualTo("during 19");

            // The host gets in with the right password once the room's backoff (2 s here) has passed.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String answer;
            do {
                host.requestJoin(target, "Host", "correct horse battery staple", false, false);
                JsonNode reply = host.nextEvent();
                answer = reply.path("type").asString().equals("error") ? reply.path("code").asString()
                        : reply.path("type").asString();
                if (!answer.equals("joined")) {
                    assertThat(answer).isIn("too-many-attempts", "password-checks-busy");
                    Thread.sleep(500);
                }
            } while (!answer.equals("joined") && System.nanoTime() < deadline);
            assertThat(answer).isEqualTo("joined");
        } finally {
            root.detachAppender(log);
        }
        assertThat(log.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
                .map(ILoggingEvent::getFormattedMessage).toList()).as("ERROR log lines").isEmpty();
    }

    /** One attacker connection: its whole burst of guesses, then one answer per guess. */
    private int guess(String from, int attacker, String room, Map<String, AtomicInteger> refusals) throws Exception {
        try (RawWebSocket client = RawWebSocket.stompFrom(port, from, "")) {
            client.startReading();
            for (int i = 0; i < GUESSES_EACH; i++) {
                client.sendStomp("/app/room.join", json.writeValueAsString(Map.of("roomId", room,
                        "displayName", "Guesser " + attacker + "-" + i, "password", "guess-" + attacker + "-" + i)));
            }
            int answers = 0;
            while (answers < GUESSES_EACH) {
                String message = client.next();
                assertThat(message).as("answer %d of attacker %d", answers, attacker).isNotNull()
                        .isNotEqualTo(RawWebSocket.CLOSED);
                JsonNode event = json.readTree(RawWebSocket.bodyOf(message));
                assertThat(event.path("type").asString()).as("%s", event).isEqualTo("error");
                refusals.computeIfAbsent(event.path("code").asString(), code -> new AtomicInteger()).incrementAndGet();
                answers++;
            }
            return answers;
        }
    }
}
