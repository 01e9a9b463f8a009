package com.chatforyou.boot.kurento;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.adapter.media.Polling;
import com.chatforyou.adapter.media.kurento.standin.KmsStandIn;
import com.chatforyou.boot.ChatForYouApplication;
import com.chatforyou.boot.e2e.BrowserPages;
import com.chatforyou.boot.e2e.ChatPage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Real headless Chromium pages against the whole server on the Kurento backend, with the KMS
 * stand-in behind it. The stand-in moves no media, so this shows negotiation only: every link's
 * offer is answered by the "media server", its candidates reach the page, and leaving releases every
 * object. It never shows video, and does not claim to.
 */
@SpringBootTest(classes = ChatForYouApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.endpoint.health.show-details=always")
@DirtiesContext
@DisplayName("Kurento backend in real Chromium pages, on the KMS stand-in: negotiation only, no media")
class KurentoBrowserIT {
    private static final KmsStandIn KMS = KmsStandIn.running();

    @LocalServerPort
    int port;
    @RegisterExtension
    final BrowserPages pages = new BrowserPages(() -> port);

    @DynamicPropertySource
    static void useTheStandIn(DynamicPropertyRegistry registry) {
        registry.add("chatforyou.media.backend", () -> "kurento");
        registry.add("chatforyou.media.kurento.url", KMS::url);
    }

    @AfterAll
    static void stopTheStandIn() {
        KMS.close();
    }

    @Test
    void pages_negotiate_every_link_with_the_stand_in_without_errors_and_leaving_releases_everything() {
        Polling.awaitTrue("the backend to connect to the stand-in", () -> Health.status(port).equals("UP"));
        ChatPage ann = pages.open("Ann");
        ann.createRoom("Sfu standup", null, null);
        ann.waitUntilInRoom();
        ChatPage bob = pages.open("Bob");
        bob.join("Sfu standup", null);
        bob.waitUntilInRoom();

        for (ChatPage page : List.of(ann, bob)) {
            // One link up to the server and one down from it per other publisher.
            List<Map<String, Object>> links = page.waitFor(d -> {
                List<Map<String, Object>> states = negotiation(page);
                return states.size() == 2 && states.stream().allMatch(KurentoBrowserIT::answeredWithCandidates)
                        ? states : null;
            });
            assertThat(links).allSatisfy(link -> assertThat(link).containsEntry("remoteType", "answer"));
            assertThat(page.script("const b = document.getElementById('error-banner');"
                    + " return !!b && b.offsetParent !== null;")).as("an error banner on the page").isEqualTo(false);
        }
        assertThat(KMS.liveObjects("MediaPipeline")).isEqualTo(1);
        assertThat(KMS.liveObjects("WebRtcEndpoint")).isEqualTo(4);
        assertThat(KMS.invocations("processOffer")).hasSizeGreaterThanOrEqualTo(4);

        pages.close(bob);
        Polling.awaitTrue("Bob's endpoints released after his page closed", () -> KMS.liveObjects("WebRtcEndpoint") == 1);
        pages.close(ann);
        Polling.awaitValue("the stand-in to hold no object", KMS::liveObjectIds, List::isEmpty);
    }

    @Test
    void an_audio_only_page_that_shares_and_stops_gets_new_links_each_time_because_kms_takes_one_offer_per_endpoint() {
        Polling.awaitTrue("the backend to connect to the stand-in", () -> Health.status(port).equals("UP"));
        ChatPage ann = pages.open("Ann");
        ann.createRoom("Sfu share", null, null);
        ann.waitUntilInRoom();
        ChatPage cid = pages.open("Cid");
        cid.refuseCameraKeepMicrophone();
        cid.join("Sfu share", null);
        cid.waitUntilInRoom();
        List<String> cameraLinks = waitUntilEveryLinkIsAnswered(cid, 2);
        waitUntilEveryLinkIsAnswered(ann, 2);
        assertThat(videoForwards()).as("only Ann's camera goes through the SFU").isEqualTo(1);

        clickShare(cid);
        List<String> sharingLinks = waitUntilEveryLinkIsAnswered(cid, 2);
        assertThat(sharingLinks).doesNotContainAnyElementsOf(cameraLinks);
        Polling.awaitTrue("Cid's share forwarded to Ann", () -> videoForwards() == 2);
        assertThat(cid.script("return window.chatForYou.peerConnections()"
                + ".some(pc => pc.getSenders().some(s => s.track && s.track.kind === 'video'));")).isEqualTo(true);

        clickShare(cid);
        List<String> afterLinks = waitUntilEveryLinkIsAnswered(cid, 2);
        assertThat(afterLinks).doesNotContainAnyElementsOf(sharingLinks);
        Polling.awaitTrue("only Ann's camera forwarded again", () -> videoForwards() == 1);
        waitUntilEveryLinkIsAnswered(ann, 2);
        for (ChatPage page : List.of(ann, cid)) {
            assertThat(errorBannerShown(page)).as("an error banner on " + page).isFalse();
        }
        Polling.awaitTrue("one pipeline and four endpoints, none left over",
                () -> KMS.liveObjects("MediaPipeline") == 1 && KMS.liveObjects("WebRtcEndpoint") == 4);
        pages.closeAll();
        Polling.awaitValue("the stand-in to hold no object", KMS::liveObjectIds, List::isEmpty);
    }

    @Test
    void a_page_whose_signaling_drops_resumes_and_negotiates_new_links_with_the_stand_in() {
        Polling.awaitTrue("the backend to connect to the stand-in", () -> Health.status(port).equals("UP"));
        ChatPage ann = pages.open("Ann");
        ann.createRoom("Sfu reconnect", null, null);
        ann.waitUntilInRoom();
        ChatPage bob = pages.open("Bob");
        bob.join("Sfu reconnect", null);
        bob.waitUntilInRoom();
        waitUntilEveryLinkIsAnswered(ann, 2);
        List<String> bobsOldLinks = waitUntilEveryLinkIsAnswered(bob, 2);
        Object bobsId = bob.script("return window.chatForYou.state().selfId;");

        bob.script("window.chatForYou.dropConnection();");

        bob.waitFor(d -> Boolean.TRUE.equals(bob.script("const s = window.chatForYou.state();"
                + " return s.connection === 'connected' && !s.reconnecting && s.phase === 'in-room';")));
        assertThat(waitUntilEveryLinkIsAnswered(bob, 2)).doesNotContainAnyElementsOf(bobsOldLinks);
        waitUntilEveryLinkIsAnswered(ann, 2);
        assertThat(bob.script("return window.chatForYou.state().selfId;")).isEqualTo(bobsId);
        assertThat((List<?>) ann.script("return window.chatForYou.state().departures;")).isEmpty();
        assertThat(errorBannerShown(bob)).isFalse();
        Polling.awaitTrue("Bob's old endpoints released, new ones in place",
                () -> KMS.liveObjects("MediaPipeline") == 1 && KMS.liveObjects("WebRtcEndpoint") == 4);
        pages.closeAll();
        Polling.awaitValue("the stand-in to hold no object", KMS::liveObjectIds, List::isEmpty);
    }

    /** Waits until the page has {@code count} open links, each answered with candidates; returns their ids. */
    @SuppressWarnings("unchecked")
    private static List<String> waitUntilEveryLinkIsAnswered(ChatPage page, int count) {
        return page.waitFor(d -> {
            List<Map<String, Object>> states = negotiation(page);
            if (states.size() != count || !states.stream().allMatch(KurentoBrowserIT::answeredWithCandidates)) {
                return null;
            }
            List<Map<String, Object>> links = (List<Map<String, Object>>) page.script(
                    "return window.chatForYou.state().links;");
            return links.size() == count ? links.stream().map(link -> (String) link.get("linkId")).toList() : null;
        });
    }

    private static void clickShare(ChatPage page) {
        page.waitFor(d -> Boolean.TRUE.equals(page.script("const b = document.getElementById('toggle-share');"
                + " if (!b || b.disabled || b.offsetParent === null) return false; b.click(); return true;")));
    }

    private static int videoForwards() {
        return (int) KMS.mediaConnections().stream().filter(c -> "VIDEO".equals(c.mediaType())).count();
    }

    private static boolean errorBannerShown(ChatPage page) {
        return Boolean.TRUE.equals(page.script("const b = document.getElementById('error-banner');"
                + " return !!b && b.offsetParent !== null;"));
    }

    /** Each peer connection's negotiation state and how many remote candidates it was given. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> negotiation(ChatPage page) {
        return (List<Map<String, Object>>) page.asyncScript("""
                const done = arguments[arguments.length - 1];
                const pcs = window.chatForYou.peerConnections();
                Promise.all(pcs.map(pc => pc.getStats().then(stats => {
                  let remoteCandidates = 0;
                  stats.forEach(s => { if (s.type === 'remote-candidate') remoteCandidates++; });
                  return {
                    signalingState: pc.signalingState,
                    remoteType: pc.remoteDescription ? pc.remoteDescription.type : null,
                    remoteCandidates: remoteCandidates
                  };
                }))).then(done).catch(e => done([{error: String(e)}]));
                """);
    }

    private static boolean answeredWithCandidates(Map<String, Object> link) {
        return "stable".equals(link.get("signalingState")) && "answer".equals(link.get("remoteType"))
                && ((Number) link.get("remoteCandidates")).intValue() > 0;
    }
}
