package com.chatforyou.boot.turn;

import static com.chatforyou.boot.turn.IceWiringTest.hmacSha1Base64;
import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.domain.port.out.TimeSource;
import com.chatforyou.domain.service.MediaNegotiationService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * In rest mode the TURN secret stays on the server: it is in no STOMP message a browser receives (join
 * acknowledgement, renewal, anything else), in no page, script or other resource the server serves,
 * and not in the log. The browsers' credentials are shown to be derived from it, so the test cannot
 * pass because rest mode was off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "chatforyou.turn.mode=rest",
        "chatforyou.turn.urls=turn:turn.example.org:3478?transport=udp,turns:turn.example.org:5349?transport=tcp",
        "chatforyou.turn.secret=" + SecretStaysOnTheServerTest.SECRET})
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
class SecretStaysOnTheServerTest {
    static final String SECRET = "leak-canary-6b1f0c9e2d7a4f3b8e5c1a9d0f2e4b6a";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The server's clock, which the test can move forward by hours. */
    static final AtomicReference<Duration> CLOCK_OFFSET = new AtomicReference<>(Duration.ZERO);

    @TestConfiguration(proxyBeanMethods = false)
    static class MovableClock {
        @Bean
        @Primary
        TimeSource movableClock() {
            return () -> Instant.now().plus(CLOCK_OFFSET.get());
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MediaNegotiationService mediaNegotiation;

    /** The secret as text, and in the encodings a careless serializer might use. */
    private static List<String> secretForms() {
        byte[] bytes = SECRET.getBytes(StandardCharsets.UTF_8);
        return List.of(SECRET, Base64.getEncoder().encodeToString(bytes), HexFormat.of().formatHex(bytes));
    }

    @Test
    void no_signaling_message_carries_the_secret_though_credentials_derive_from_it(CapturedOutput log) throws Exception {
        try (RawStompClient ann = RawStompClient.connect(port); RawStompClient bob = RawStompClient.connect(port)) {
            ann.send("/app/lobby.rooms", "{}");
            ann.nextMessage("rooms");
            ann.send("/app/room.create", "{\"name\":\"Leak check " + port + "\"}");
            String roomId = JSON.readTree(ann.nextMessage("room-created")).path("room").path("roomId").asString();
            String join = "{\"roomId\":\"%s\",\"displayName\":\"%s\",\"media\":{\"audio\":true,\"video\":true}}";
            ann.send("/app/room.join", join.formatted(roomId, "Ann"));
            JsonNode annJoined = JSON.readTree(ann.nextMessage("joined"));
            bob.send("/app/room.join", join.formatted(roomId, "Bob"));
            JsonNode bobJoined = JSON.readTree(bob.nextMessage("joined"));
            ann.nextMessage("link-open");
            ann.send("/app/chat.send", "{\"roomId\":\"" + roomId + "\",\"text\":\"hello\"}");
            bob.nextMessage("chat");

            // Rest mode is on: each browser got its own credentials, derived from the secret.
            for (JsonNode joined : List.of(annJoined, bobJoined)) {
                JsonNode turn = joined.path("iceServers").get(0);
                String self = joined.path("self").path("participantId").asString();
                assertThat(turn.path("username").asString()).matches("\\d+:" + self);
                assertThat(turn.path("credential").asString())
                        .isEqualTo(hmacSha1Base64(SECRET, turn.path("username").asString()));
            }

            // Five hours later both are due for renewal and get fresh credentials over signaling.
            CLOCK_OFFSET.set(Duration.ofHours(5));
            mediaNegotiation.renewExpiringIceServers();
            for (var client : List.of(ann, bob)) {
                JsonNode renewed = JSON.readTree(client.nextMessage("ice-servers")).path("iceServers").get(0);
                JsonNode first = (client == ann ? annJoined : bobJoined).path("iceServers").get(0);
                assertThat(expiryOf(renewed)).isGreaterThanOrEqualTo(expiryOf(first) + Duration.ofHours(5).toSeconds());
                assertThat(renewed.path("credential").asString())
                        .isEqualTo(hmacSha1Base64(SECRET, renewed.path("username").asString()));
            }

            List<String> received = new ArrayList<>(ann.everything());
            received.addAll(bob.everything());
            assertThat(received).hasSizeGreaterThan(8);
            for (String message : received) {
                for (String form : secretForms()) {
                    assertThat(message).doesNotContain(form);
                }
            }
        } finally {
            CLOCK_OFFSET.set(Duration.ZERO);
        }
        for (String form : secretForms()) {
            assertThat(log.getAll()).doesNotContain(form);
        }
    }

    @Test
    void no_page_script_or_endpoint_serves_the_secret() throws Exception {
        List<String> paths = new ArrayList<>(List.of("/", "/turnconfig", "/actuator", "/actuator/health",
                "/actuator/env", "/actuator/configprops", "/error"));
        // Everything served from the jars' META-INF/resources: the app and the STOMP WebJar.
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:META-INF/resources/**")) {
            String url = resource.getURL().toString();
            if (resource.isReadable() && !url.endsWith("/")) {
                paths.add(url.substring(url.lastIndexOf("META-INF/resources/") + "META-INF/resources".length()));
            }
        }
        assertThat(paths).contains("/index.html", "/js/main.js", "/js/room-session.js");

        HttpClient http = HttpClient.newHttpClient();
        int served = 0;
        for (String path : paths) {
            for (String method : List.of("GET", "POST")) {
                HttpResponse<String> response = fetch(http, method, path);
                if (response.statusCode() == 200) {
                    served++;
                }
                for (String form : secretForms()) {
                    assertThat(response.body()).as(method + " " + path).doesNotContain(form);
                    assertThat(response.headers().map().toString()).as(method + " " + path).doesNotContain(form);
                }
            }
        }
        assertThat(served).isGreaterThan(10);
        // The original app's unauthenticated TURN endpoint does not exist. A POST without a CSRF token is
        // refused by Spring Security (403) before any handler is looked for.
        assertThat(fetch(http, "GET", "/turnconfig").statusCode()).isEqualTo(404);
        assertThat(fetch(http, "POST", "/turnconfig").statusCode()).isIn(403, 404, 405);
    }

    private HttpResponse<String> fetch(HttpClient http, String method, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static long expiryOf(JsonNode turnServer) {
        return Long.parseLong(turnServer.path("username").asString().split(":")[0]);
    }
}
