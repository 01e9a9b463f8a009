package com.chatforyou.boot.turn;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.adapter.turn.coturn.Coturn;
import com.chatforyou.boot.ChatForYouApplication;
import com.chatforyou.boot.e2e.BrowserPages;
import com.chatforyou.boot.e2e.ChatPage;
import com.chatforyou.boot.e2e.Chromium;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two real browsers that may only use TURN relays ({@code ?iceTransportPolicy=relay}) see each other
 * through a real coturn, with the short-lived credentials the server issued in rest mode. Like the
 * other browser tests this runs in a network namespace with only loopback, so coturn, its relays and
 * all media stay on 127.0.0.1.
 */
@SpringBootTest(classes = ChatForYouApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class RelayOnlyBrowserIT {
    private static final String SECRET = "relay-it-" + UUID.randomUUID().toString().replace("-", "");
    private static Coturn coturn;

    @LocalServerPort
    private int port;
    @RegisterExtension
    final BrowserPages pages = new BrowserPages(() -> port);

    @DynamicPropertySource
    static void turnServer(DynamicPropertyRegistry registry) {
        coturn = Coturn.start(SECRET);
        registry.add("chatforyou.turn.mode", () -> "rest");
        registry.add("chatforyou.turn.urls", () -> coturn.turnUrl("udp") + "," + coturn.turnUrl("tcp"));
        registry.add("chatforyou.turn.secret", () -> SECRET);
    }

    @AfterAll
    static void stopCoturn() {
        if (coturn != null) {
            coturn.close();
        }
    }

    @Test
    void two_relay_only_browsers_see_each_other_through_coturn() {
        ChatPage ann = pages.open("Ann", Chromium.Devices.CAMERA_AND_MICROPHONE, "?iceTransportPolicy=relay");
        ann.createRoom("Relayed", null, null);
        ann.waitUntilInRoom();
        ChatPage bob = pages.open("Bob", Chromium.Devices.CAMERA_AND_MICROPHONE, "?iceTransportPolicy=relay");
        bob.join("Relayed", null);
        bob.waitUntilInRoom();

        ann.waitForVideoFrom("Bob");
        bob.waitForVideoFrom("Ann");

        for (ChatPage page : List.of(ann, bob)) {
            assertThat(page.script("return window.chatForYou.iceTransportPolicy")).isEqualTo("relay");
            // The page got its own credentials from the join acknowledgement, and coturn accepted them.
            String username = turnUsernameOf(page);
            assertThat(username).matches("\\d+:" + selfIdOf(page));
            page.waitFor(driver -> coturn.allocatedFor(username));
            // Every connection the page holds runs over a relay candidate, as the stats tell.
            List<Map<String, Object>> pairs = page.waitFor(driver -> selectedPairsWhenAllChosen(page));
            assertThat(pairs).isNotEmpty().allSatisfy(pair -> {
                assertThat(pair).containsEntry("policy", "relay");
                assertThat(pair).containsEntry("localType", "relay");
                assertThat(pair).containsEntry("remoteType", "relay");
            });
        }
    }

    private static String selfIdOf(ChatPage page) {
        return (String) page.script("return window.chatForYou.state().selfId");
    }

    @SuppressWarnings("unchecked")
    private static String turnUsernameOf(ChatPage page) {
        List<Map<String, Object>> servers = (List<Map<String, Object>>) page.script(
                "return window.chatForYou.state().iceServers");
        assertThat(servers).singleElement().satisfies(server ->
                assertThat((List<String>) server.get("urls")).containsExactly(coturn.turnUrl("udp"), coturn.turnUrl("tcp")));
        return (String) servers.get(0).get("username");
    }

    /**
     * For every peer connection of the page, the candidate types of its selected pair (from the
     * transport's selectedCandidatePairId); null until every connection has one.
     */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> selectedPairsWhenAllChosen(ChatPage page) {
        return (List<Map<String, Object>>) page.asyncScript("""
                const done = arguments[arguments.length - 1];
                const pcs = window.chatForYou.peerConnections();
                Promise.all(pcs.map(async pc => {
                  const stats = await pc.getStats();
                  let transport = null;
                  stats.forEach(s => { if (s.type === 'transport' && s.selectedCandidatePairId) transport = s; });
                  if (!transport) return null;
                  const pair = stats.get(transport.selectedCandidatePairId);
                  return {
                    policy: pc.getConfiguration().iceTransportPolicy,
                    localType: stats.get(pair.localCandidateId)?.candidateType ?? null,
                    remoteType: stats.get(pair.remoteCandidateId)?.candidateType ?? null
                  };
                })).then(pairs => done(pcs.length > 0 && pairs.every(p => p) ? pairs : null))
                  .catch(() => done(null));
                """);
    }
}
