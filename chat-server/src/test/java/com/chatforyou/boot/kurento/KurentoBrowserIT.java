package com.chatforyou.boot.kurento;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.adapter.media.Polling;
import com.chatforyou.adapter.media.kurento.standin.KmsStandIn;
import com.chatforyou.boot.ChatForYouApplication;
import com.chatforyou.boot.e2e.ChatPage;
import com.chatforyou.boot.e2e.Chromium;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
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
    private final List<ChatPage> pages = new ArrayList<>();

    @DynamicPropertySource
    static void useTheStandIn(DynamicPropertyRegistry registry) {
        registry.add("chatforyou.media.backend", () -> "kurento");
        registry.add("chatforyou.media.kurento.url", KMS::url);
    }

    @AfterEach
    void closeBrowsers() {
        pages.forEach(ChatPage::close);
    }

    @AfterAll
    static void stopTheStandIn() {
        KMS.close();
    }

    @Test
    void pages_negotiate_every_link_with_the_stand_in_without_errors_and_leaving_releases_everything() {
        Polling.awaitTrue("the backend to connect to the stand-in", () -> Health.status(port).equals("UP"));
        ChatPage ann = open("Ann");
        ann.createRoom("Sfu standup", null, null);
        ann.waitUntilInRoom();
        ChatPage bob = open("Bob");
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

        bob.close();
        pages.remove(bob);
        Polling.awaitTrue("Bob's endpoints released after his page closed", () -> KMS.liveObjects("WebRtcEndpoint") == 1);
        ann.close();
        pages.remove(ann);
        Polling.awaitValue("the stand-in to hold no object", KMS::liveObjectIds, List::isEmpty);
    }

    private ChatPage open(String name) {
        ChatPage page = new ChatPage(Chromium.launch(Chromium.Devices.CAMERA_AND_MICROPHONE),
                "http://127.0.0.1:" + port, name);
        pages.add(page);
        return page.openLobby();
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
