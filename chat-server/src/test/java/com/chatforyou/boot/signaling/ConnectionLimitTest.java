package com.chatforyou.boot.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Connections that never join cost memory too, so their number is capped: over the limit the handshake gets
 * HTTP 503 and no WebSocket, and a closed connection makes room again. And no connection takes compression,
 * whose memory is outside the heap.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chatforyou.limits.websocket.max-connections=3")
class ConnectionLimitTest {

    @LocalServerPort
    int port;

    private final List<RawWebSocket> connections = new ArrayList<>();

    @AfterEach
    void close() {
        connections.forEach(RawWebSocket::close);
    }

    @Test
    void aConnectionOverTheLimitIsRefusedWith503UntilOneCloses() throws Exception {
        for (int i = 0; i < 3; i++) {
            connections.add(RawWebSocket.stomp(port, null));
        }

        try (RawWebSocket fourth = RawWebSocket.handshake(port, null)) {
            assertThat(fourth.status()).isEqualTo(503);
        }

        connections.remove(0).close();
        assertThat(handshakeStatusOnceAccepted()).isEqualTo(101);
    }

    /** Browsers offer permessage-deflate; accepting it would give each connection a zlib pair off the heap. */
    @Test
    void noConnectionGetsCompressionWhichWouldCostMemoryOutsideTheHeap() throws Exception {
        try (RawWebSocket browserLike = RawWebSocket.handshakeOffering(port,
                "permessage-deflate; client_max_window_bits")) {
            assertThat(browserLike.status()).isEqualTo(101);
            assertThat(browserLike.responseHead().toLowerCase(java.util.Locale.ROOT))
                    .doesNotContain("sec-websocket-extensions");
        }
    }

    /** The server counts a close when it has handled it; poll for that instead of waiting a fixed time. */
    private int handshakeStatusOnceAccepted() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RawWebSocket.WAIT_SECONDS);
        while (true) {
            RawWebSocket next = RawWebSocket.handshake(port, null);
            if (next.status() == 101 || System.nanoTime() > deadline) {
                connections.add(next);
                return next.status();
            }
            next.close();
            Thread.sleep(50);
        }
    }
}
