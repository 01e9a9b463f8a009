package com.chatforyou.boot.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Behind a proxy the page's origin is the proxy's; it is allowed by configuration. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chatforyou.signaling.allowed-origin-patterns=https://chat.example.org,https://*.example.net")
class ConfiguredOriginsTest {

    @LocalServerPort
    int port;

    @Test
    void aConfiguredOriginConnects() throws Exception {
        try (RawWebSocket handshake = RawWebSocket.handshake(port, "https://chat.example.org")) {
            assertThat(handshake.status()).isEqualTo(101);
        }
    }

    @Test
    void aConfiguredPatternMatches() throws Exception {
        try (RawWebSocket handshake = RawWebSocket.handshake(port, "https://video.example.net")) {
            assertThat(handshake.status()).isEqualTo(101);
        }
    }

    @Test
    void anyOtherOriginIsStillRefused() throws Exception {
        try (RawWebSocket handshake = RawWebSocket.handshake(port, "https://chat.example.org.evil.example")) {
            assertThat(handshake.status()).isEqualTo(403);
        }
    }

    @Test
    void theServersOwnOriginStillConnects() throws Exception {
        try (RawWebSocket handshake = RawWebSocket.handshake(port, "http://localhost:" + port)) {
            assertThat(handshake.status()).isEqualTo(101);
        }
    }
}
