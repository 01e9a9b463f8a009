package com.chatforyou.boot.kurento;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.adapter.media.Polling;
import com.chatforyou.adapter.media.kurento.RealKms;
import com.chatforyou.boot.ChatForYouApplication;
import com.chatforyou.boot.e2e.BrowserPages;
import com.chatforyou.boot.e2e.ChatPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kurento.client.KurentoClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Real headless Chromium pages through the whole server on the Kurento backend and a real Kurento
 * Media Server in Docker: both pages must receive the other's video through KMS, and KMS must hold no
 * pipeline once they have left. Skipped where Docker is missing, which includes the machine this
 * project is developed on, so this test has never run there (see docs/media-backends.md).
 *
 * <p>A surefire test rather than a failsafe IT on purpose: the ITs run in a private network namespace,
 * from which Docker's published ports are unreachable. KMS's candidates are its container addresses,
 * which a browser on a Linux Docker host reaches over the docker bridge.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = ChatForYouApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@DisplayName("Real Chromium pages on a real Kurento Media Server (needs Docker)")
class RealKurentoBrowserTest {

    @Container
    private static final GenericContainer<?> KMS = RealKms.container();

    @LocalServerPort
    int port;
    @RegisterExtension
    final BrowserPages pages = new BrowserPages(() -> port);

    @DynamicPropertySource
    static void useTheRealKms(DynamicPropertyRegistry registry) {
        registry.add("chatforyou.media.backend", () -> "kurento");
        registry.add("chatforyou.media.kurento.url", RealKurentoBrowserTest::kmsUrl);
    }

    @Test
    void two_pages_see_each_others_video_through_kms_and_kms_keeps_nothing_after_they_leave() {
        Polling.awaitTrue("the backend to connect to KMS", () -> Health.status(port).equals("UP"));
        ChatPage ann = pages.open("Ann");
        ann.createRoom("Real SFU", null, null);
        ann.waitUntilInRoom();
        ChatPage bob = pages.open("Bob");
        bob.join("Real SFU", null);
        bob.waitUntilInRoom();

        ann.waitForVideoFrom("Bob");
        bob.waitForVideoFrom("Ann");

        pages.closeAll();
        KurentoClient inspector = KurentoClient.create(kmsUrl());
        try {
            Polling.awaitTrue("KMS to hold no pipeline", () -> inspector.getServerManager().getPipelines().isEmpty());
            assertThat(inspector.getServerManager().getPipelines()).isEmpty();
        } finally {
            inspector.destroy();
        }
    }

    private static String kmsUrl() {
        return RealKms.url(KMS);
    }
}
