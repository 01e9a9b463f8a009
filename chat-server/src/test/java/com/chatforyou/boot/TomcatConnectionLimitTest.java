package com.chatforyou.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Tomcat accepts more connections than the app's own WebSocket cap, so a client over that cap meets the cap's
 * HTTP 503 (ConnectionLimitTest) and not Tomcat's accept queue, which at its default of 8,192 connections held
 * the 10,000-participant benchmark back without a word. Read from the running server's connector.
 */
class TomcatConnectionLimitTest {

    @Test
    void aConfiguredWebSocketCapAboveTomcatsDefaultRaisesTomcatsLimitAboveTheCap() {
        try (ConfigurableApplicationContext app = start("--chatforyou.limits.websocket.max-connections=20000")) {
            assertThat(tomcatMaxConnections(app)).isEqualTo(20000 + 20000 / 8).isGreaterThan(8192);
        }
    }

    @Test
    void theCapDerivedFromTheHeapGivesTomcatsLimitWithRoomForPagesProbesAndRefusals() {
        try (ConfigurableApplicationContext app = start("--chatforyou.rooms.max-participants=40")) {
            int webSocketCap = ParticipantCapacity.connections(40);
            assertThat(tomcatMaxConnections(app)).isEqualTo(webSocketCap + TomcatConnectionLimit.MIN_HEADROOM);
        }
        try (ConfigurableApplicationContext app = start()) {
            int webSocketCap = SignalingWiring.derivedMaxConnections(ParticipantCapacity.ofThisJvm(100).cap(null),
                    OpenFiles.limit());
            assertThat(tomcatMaxConnections(app))
                    .isEqualTo(TomcatConnectionLimit.forWebSocketCap(webSocketCap)).isGreaterThan(webSocketCap);
        }
    }

    @Test
    void aConfiguredTomcatLimitIsKept() {
        try (ConfigurableApplicationContext app = start("--server.tomcat.max-connections=500",
                "--chatforyou.limits.websocket.max-connections=20000")) {
            assertThat(tomcatMaxConnections(app)).isEqualTo(500);
        }
    }

    static ConfigurableApplicationContext start(String... args) {
        String[] withPort = new String[args.length + 2];
        withPort[0] = "--server.port=0";
        withPort[1] = "--server.address=127.0.0.1";
        System.arraycopy(args, 0, withPort, 2, args.length);
        return new SpringApplicationBuilder(ChatForYouApplication.class).run(withPort);
    }

    private static int tomcatMaxConnections(ConfigurableApplicationContext app) {
        TomcatWebServer server = (TomcatWebServer) ((WebServerApplicationContext) app).getWebServer();
        return ((AbstractProtocol<?>) server.getTomcat().getConnector().getProtocolHandler()).getMaxConnections();
    }
}
