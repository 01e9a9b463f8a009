package com.chatforyou.boot.janus;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.adapter.media.Polling;
import com.chatforyou.adapter.media.janus.JanusProcess;
import com.chatforyou.boot.ChatForYouApplication;
import com.chatforyou.boot.e2e.BrowserPages;
import com.chatforyou.boot.e2e.ChatPage;
import com.chatforyou.boot.kurento.Health;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Real video through a real Janus: headless Chromium pages with fake cameras against the whole server
 * on the Janus backend. Every frame a page decodes here went up to Janus and came back down from it.
 * The JVM, Janus and Chromium share a network namespace made by the test run (see
 * src/test/private-network/bin/java); its private interface leads nowhere.
 */
@Tag("janus")
@SpringBootTest(classes = ChatForYouApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.endpoint.health.show-details=always")
@DirtiesContext
@DisplayName("Janus backend in real Chromium pages: video, audio and screen share through a real Janus")
class JanusBrowserIT {
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
    void three_participants_see_and_hear_each_other_and_the_audio_only_one_shares_a_screen() throws Exception {
        Polling.awaitTrue("the backend to reach Janus", () -> Health.status(port).equals("UP"));
        ChatPage ann = pages.open("Ann");
        ann.createRoom("Janus standup", null, null);
        ann.waitUntilInRoom();
        ChatPage bob = pages.open("Bob");
        bob.join("Janus standup", null);
        bob.waitUntilInRoom();
        // Cid refuses the camera and keeps the microphone (and may still share a screen).
        ChatPage cid = pages.open("Cid");
        cid.refuseCameraKeepMicrophone();
        cid.join("Janus standup", null);
        cid.waitUntilInRoom();
        assertThat(cid.mediaNotice()).containsIgnoringCase("cannot see you");

        // Each camera's frames are decoded, and keep coming, at both other pages.
        ann.waitForVideoPlayingFrom("Bob");
        bob.waitForVideoPlayingFrom("Ann");
        cid.waitForVideoPlayingFrom("Ann");
        cid.waitForVideoPlayingFrom("Bob");
        // The audio-only participant hears the others and is heard, and shows as a placeholder.
        cid.waitForAudioFrom("Ann");
        cid.waitForAudioFrom("Bob");
        for (ChatPage other : List.of(ann, bob)) {
            other.waitForAudioFrom("Cid");
            other.waitFor(d -> Boolean.TRUE.equals(other.tileOf("Cid").get("placeholderVisible")));
        }
        Set<String> cidsLinks = linkIds(cid);
        assertThat(errorBannerShown(ann) || errorBannerShown(bob) || errorBannerShown(cid)).isFalse();

        // Cid shares a screen: the new video track renegotiates Cid's upstream through Janus (no new link),
        // and the others see the 800x450 screen.
        clickShare(cid);
        waitForFrameSize(ann, "Cid", 800, 450);
        waitForFrameSize(bob, "Cid", 800, 450);
        ann.waitForVideoPlayingFrom("Cid");
        assertThat(linkIds(cid)).as("Janus took the new offer on the same links").isEqualTo(cidsLinks);

        // Sharing stops: the placeholder is back, and the audio still flows.
        clickShare(cid);
        ann.waitFor(d -> Boolean.TRUE.equals(ann.tileOf("Cid").get("placeholderVisible")));
        long heard = ann.inboundAudioPacketsFrom("Cid");
        ann.waitFor(d -> ann.inboundAudioPacketsFrom("Cid") > heard);
        assertThat(errorBannerShown(ann) || errorBannerShown(bob) || errorBannerShown(cid)).isFalse();
    }

    @Test
    void mute_and_the_active_speaker_reach_the_others_through_janus() {
        Polling.awaitTrue("the backend to reach Janus", () -> Health.status(port).equals("UP"));
        ChatPage ann = pages.open("Ann");
        ann.createRoom("Janus quiet", null, null);
        ann.waitUntilInRoom();
        ChatPage bob = pages.open("Bob");
        bob.join("Janus quiet", null);
        bob.waitUntilInRoom();
        bob.waitForVideoPlayingFrom("Ann");
        // Chromium's fake microphone beeps: Bob's page hears Ann speak through Janus.
        bob.waitFor(d -> "true".equals(tileAttribute(bob, "Ann", "data-speaking")));

        ann.waitFor(d -> d.findElement(By.id("toggle-audio")).isEnabled());
        ann.clickById("toggle-audio");
        bob.waitFor(d -> "true".equals(tileAttribute(bob, "Ann", "data-audio-muted")));
        ann.clickById("toggle-audio");
        bob.waitFor(d -> "false".equals(tileAttribute(bob, "Ann", "data-audio-muted")));
    }

    @Test
    void a_page_whose_signaling_drops_resumes_with_video_through_janus() {
        Polling.awaitTrue("the backend to reach Janus", () -> Health.status(port).equals("UP"));
        ChatPage ann = pages.open("Ann");
        ann.createRoom("Janus reconnect", null, null);
        ann.waitUntilInRoom();
        ChatPage bob = pages.open("Bob");
        bob.join("Janus reconnect", null);
        bob.waitUntilInRoom();
        ann.waitForVideoPlayingFrom("Bob");
        bob.waitForVideoPlayingFrom("Ann");
        Set<String> bobsOldLinks = linkIds(bob);
        String annsUpstream = (String) ann.script("return window.chatForYou.state().links"
                + ".find(l => l.direction === 'send').linkId;");
        Object bobsId = bob.script("return window.chatForYou.state().selfId;");

        bob.script("window.chatForYou.dropConnection();");

        bob.waitFor(d -> Boolean.TRUE.equals(bob.script("const s = window.chatForYou.state();"
                + " return s.connection === 'connected' && !s.reconnecting && s.phase === 'in-room';")));
        bob.waitFor(d -> {
            Set<String> now = linkIds(bob);
            return now.size() == 2 && now.stream().noneMatch(bobsOldLinks::contains) ? now : null;
        });
        ann.waitForVideoPlayingFrom("Bob");
        bob.waitForVideoPlayingFrom("Ann");
        assertThat(bob.script("return window.chatForYou.state().selfId;")).isEqualTo(bobsId);
        assertThat((List<?>) ann.script("return window.chatForYou.state().departures;")).isEmpty();
        // Only Bob's links were planned anew: Ann's upstream to Janus is the one she had.
        assertThat(linkIds(ann)).contains(annsUpstream);
    }

    @SuppressWarnings("unchecked")
    static Set<String> linkIds(ChatPage page) {
        List<Map<String, Object>> links = (List<Map<String, Object>>) page.script("return window.chatForYou.state().links;");
        return links.stream().map(link -> (String) link.get("linkId")).collect(Collectors.toSet());
    }

    static boolean errorBannerShown(ChatPage page) {
        return Boolean.TRUE.equals(page.script("const b = document.getElementById('error-banner');"
                + " return !!b && b.offsetParent !== null;"));
    }

    private static void clickShare(ChatPage page) {
        page.waitFor(d -> Boolean.TRUE.equals(page.script("const b = document.getElementById('toggle-share');"
                + " if (!b || b.disabled || b.offsetParent === null) return false; b.click(); return true;")));
    }

    private static void waitForFrameSize(ChatPage viewer, String participantName, int width, int height) {
        viewer.waitFor(d -> {
            Map<String, Object> tile = viewer.tileOf(participantName);
            return tile != null && ((Number) tile.get("videoWidth")).intValue() == width
                    && ((Number) tile.get("videoHeight")).intValue() == height ? tile : null;
        });
    }

    private static String tileAttribute(ChatPage viewer, String participantName, String attribute) {
        return (String) viewer.script("""
                const tile = [...document.querySelectorAll('#tiles .tile[data-participant-id]')]
                    .find(t => t.querySelector('.tile-name')?.textContent === arguments[0]);
                return tile ? tile.getAttribute(arguments[1]) : null;
                """, participantName, attribute);
    }
}
