package com.chatforyou.boot.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Forwarded headers count only from a configured trusted proxy (here 127.0.0.1). With a limit of two
 * connections per address, clients are told apart by what the proxy says, and a client that sends the
 * header itself from an untrusted address is still counted as its own address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "chatforyou.internet.trusted-proxies=127.0.0.1, ::1",
        "chatforyou.internet.quotas.connections-per-address=2"})
class TrustedProxiesTest {

    @LocalServerPort
    int port;

    private final List<RawWebSocket> open = new ArrayList<>();

    private boolean connects(String from, String headers) throws Exception {
        RawWebSocket client = RawWebSocket.handshakeFrom(port, from, headers);
        open.add(client);
        client.startReading();
        client.sendText("CONNECT\naccept-version:1.2\nhost:localhost\nheart-beat:0,0\n\n\0");
        String answer = client.next();
        return answer != null && answer.startsWith("CONNECTED");
    }

    @Test
    void clientsBehindTheTrustedProxyAreToldApartByItsHeader() throws Exception {
        try {
            assertThat(connects("127.0.0.1", "X-Forwarded-For: 198.51.100.1\r\n")).isTrue();
            assertThat(connects("127.0.0.1", "X-Forwarded-For: 198.51.100.1\r\n")).isTrue();
            assertThat(connects("127.0.0.1", "X-Forwarded-For: 198.51.100.1\r\n")).isFalse();

            assertThat(connects("127.0.0.1", "X-Forwarded-For: 198.51.100.2\r\n")).isTrue();
            assertThat(connects("127.0.0.1", "Forwarded: for=198.51.100.3;proto=http\r\n")).isTrue();
            assertThat(connects("127.0.0.1", "Forwarded: for=\"[2001:db8:1:2::7]\"\r\n")).isTrue();
            // The same IPv6 /64 is one client.
            assertThat(connects("127.0.0.1", "Forwarded: for=\"[2001:db8:1:2::8]:4711\"\r\n")).isTrue();
            assertThat(connects("127.0.0.1", "Forwarded: for=\"[2001:db8:1:2::9]\"\r\n")).isFalse();
        } finally {
            open.forEach(RawWebSocket::kill);
        }
    }

    @Test
    void whatAClientWroteBeforeTheTrustedProxysEntryIsNotBelieved() throws Exception {
        try {
            // The proxy appends the address it saw (203.0.113.9); the spoofed entries to its left vary.
            for (int i = 0; i < 2; i++) {
                assertThat(connects("127.0.0.1", "X-Forwarded-For: 10.0.0." + i + ", 203.0.113.9\r\n")).isTrue();
            }
            assertThat(connects("127.0.0.1", "X-Forwarded-For: 10.0.0.7, 203.0.113.9\r\n")).isFalse();
        } finally {
            open.forEach(RawWebSocket::kill);
        }
    }

    @Test
    void anUntrustedClientCannotChooseItsAddressWithTheHeader() throws Exception {
        try {
            assertThat(connects("127.0.10.1", "X-Forwarded-For: 192.0.2.1\r\n")).isTrue();
            assertThat(connects("127.0.10.1", "X-Forwarded-For: 192.0.2.2\r\n")).isTrue();
            assertThat(connects("127.0.10.1", "Forwarded: for=192.0.2.3\r\n")).isFalse();
        } finally {
            open.forEach(RawWebSocket::kill);
        }
    }
}
