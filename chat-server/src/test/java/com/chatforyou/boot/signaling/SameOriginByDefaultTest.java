package com.chatforyou.boot.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Without configuration, only pages of this server (and clients that send no Origin) may connect. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SameOriginByDefaultTest {

    @LocalServerPort
    int port;

    @Test
    void aPageFromAnotherSiteIsRefused() throws Exception {
        try (RawWebSocket handshake = RawWebSocket.handshake(port, "http://evil.example")) {
            assertThat(handshake.status()).isEqualTo(403);
        }
    }

    @Test
    void aPageServedByThisServerConnects() throws Exception {
        try (RawWebSocket handshake = RawWebSocket.handshake(port, "http://localhost:" + port)) {
            assertThat(handshake.status()).isEqualTo(101);
        }
    }

    @Test
    void theSameHostOnAnotherPortIsAnotherOrigin() throws Exception {
        try (RawWebSocket handshake = RawWebSocket.handshake(port, "http://localhost:" + (port + 1))) {
            assertThat(handshake.status()).isEqualTo(403);
        }
    }

    @Test
    void aClientWithoutAnOriginHeaderIsNotABrowserPageAndConnects() throws Exception {
        try (RawWebSocket handshake = RawWebSocket.handshake(port, null)) {
            assertThat(handshake.status()).isEqualTo(101);
        }
    }
}
