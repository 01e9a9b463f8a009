package com.chatforyou.boot.janus;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.adapter.media.Polling;
import com.chatforyou.adapter.media.janus.JanusProcess;
import com.chatforyou.boot.ChatForYouApplication;
import com.chatforyou.boot.e2e.BrowserPages;
import com.chatforyou.boot.e2e.ChatPage;
import com.chatforyou.boot.kurento.Health;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Janus is killed in the middle of a call and started again, the app keeps running: the pages show a
 * notice while video waits, then the room's links are planned in a new videoroom and video plays again.
 */
@Tag("janus")
@SpringBootTest(classes = ChatForYouApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.endpoint.health.show-details=always")
@DirtiesContext
@DisplayName("Janus killed mid-call and started again, with Chromium pages in the call")
class JanusRestartBrowserIT {
    private static final JanusProcess JANUS = JanusProcess.running();

    @LocalServerPort
    int port;
    @RegisterExtension
    final BrowserPages pages = new BrowserPages(() -> port);

    @DynamicPropertySource
    static void useJanus(DynamicPropertyRegistry registry) {
        JanusBackend.use(registry, JANUS);
    }

    @AfterAll
    static void stopJanus() {
        JANUS.close();
    }

    @Test
    void the_pages_show_a_notice_while_janus_is_away_and_video_plays_again_once_it_is_back() {
        Polling.awaitTrue("the backend to reach Janus", () -> Health.status(port).equals("UP"));
        ChatPage ann = pages.open("Ann");
        ann.createRoom("Janus restart", null, null);
        ann.waitUntilInRoom();
        ChatPage bob = pages.open("Bob");
        bob.join("Janus restart", null);
        bob.waitUntilInRoom();
        ann.waitForVideoPlayingFrom("Bob");
        bob.waitForVideoPlayingFrom("Ann");
        Set<String> annsOldLinks = JanusBrowserIT.linkIds(ann);
        for (ChatPage page : List.of(ann, bob)) {
            assertThat(noticeShown(page)).isFalse();
        }

        JANUS.kill();

        for (ChatPage page : List.of(ann, bob)) {
            page.waitFor(d -> noticeShown(page));
            assertThat(page.participantNames()).hasSize(2);
        }
        Polling.awaitTrue("health DOWN while Janus is away", () -> Health.status(port).equals("DOWN"));

        JANUS.start();

        for (ChatPage page : List.of(ann, bob)) {
            page.waitFor(d -> !noticeShown(page));
        }
        ann.waitFor(d -> {
            Set<String> now = JanusBrowserIT.linkIds(ann);
            return now.size() == 2 && now.stream().noneMatch(annsOldLinks::contains) ? now : null;
        });
        ann.waitForVideoPlayingFrom("Bob");
        bob.waitForVideoPlayingFrom("Ann");
        assertThat((List<?>) ann.script("return window.chatForYou.state().departures;")).isEmpty();
        assertThat(JanusBrowserIT.errorBannerShown(ann) || JanusBrowserIT.errorBannerShown(bob)).isFalse();
    }

    private static boolean noticeShown(ChatPage page) {
        return Boolean.TRUE.equals(page.script("const n = document.getElementById('media-server-notice');"
                + " return !!n && !n.hidden && n.offsetParent !== null;"));
    }
}
