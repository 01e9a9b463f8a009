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
import org.junit.jupiter.api.BeforeEach;
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
 * Chromium pages in a call on a pool of two real Janus servers. The Janus that hosts the call is killed
 * (SIGKILL): the pages show the notice, the room moves to the other Janus and video plays again, with
 * nobody rejoining. A drained server's call goes on with its video while new rooms go elsewhere, and the
 * server is empty once that call ends.
 */
@Tag("janus")
@SpringBootTest(classes = ChatForYouApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@DisplayName("Janus pool in real Chromium pages: the call's Janus killed, a server drained")
class JanusPoolBrowserIT {
    private static final List<JanusProcess> JANUS = JanusPoolBackend.startTwo();

    @LocalServerPort
    int port;
    @RegisterExtension
    final BrowserPages pages = new BrowserPages(() -> port);
    private MediaServersEndpoint endpoint;

    @DynamicPropertySource
    static void useJanusPool(DynamicPropertyRegistry registry) {
        JanusPoolBackend.use(registry, JANUS);
    }

    @AfterAll
    static void stopJanus() {
        JANUS.forEach(JanusProcess::close);
    }

    /** Both servers running, reached, taking rooms and holding none (a previous test may have killed one). */
    @BeforeEach
    void bothServersUpAndEmpty() {
        endpoint = new MediaServersEndpoint(port);
        for (JanusProcess janus : JANUS) {
            janus.start();
        }
        Polling.awaitTrue("the backend to reach both Janus servers", () -> Health.status(port).equals("UP")
                && JANUS.stream().allMatch(janus -> endpoint.up(JanusPoolBackend.idOf(janus))));
        for (JanusProcess janus : JANUS) {
            endpoint.drain(JanusPoolBackend.idOf(janus), false);
        }
        Polling.awaitTrue("no room on any server", () -> endpoint.servers().values().stream()
                .allMatch(server -> server.path("rooms").asInt() == 0));
    }

    @Test
    void the_call_moves_to_the_other_janus_when_its_janus_is_killed_and_video_plays_again_without_a_rejoin() {
        ChatPage ann = pages.open("Ann");
        ann.createRoom("Pool failover", null, null);
        ann.waitUntilInRoom();
        ChatPage bob = pages.open("Bob");
        bob.join("Pool failover", null);
        bob.waitUntilInRoom();
        ann.waitForVideoPlayingFrom("Bob");
        bob.waitForVideoPlayingFrom("Ann");
        String hostId = Polling.awaitValue("the call's server", endpoint::onlyServerWithARoom, id -> id != null);
        JanusProcess host = serverAt(hostId);
        JanusProcess other = JANUS.stream().filter(janus -> janus != host).findFirst().orElseThrow();
        String otherId = JanusPoolBackend.idOf(other);
        Set<String> annsOldLinks = JanusBrowserIT.linkIds(ann);
        Set<String> bobsOldLinks = JanusBrowserIT.linkIds(bob);
        Object annsSeat = selfId(ann);
        Object bobsSeat = selfId(bob);
        for (ChatPage page : List.of(ann, bob)) {
            assertThat(noticeShown(page)).isFalse();
        }

        host.kill(); // SIGKILL to that Janus' pid: no goodbye to the app or the browsers

        for (ChatPage page : List.of(ann, bob)) {
            page.waitFor(d -> noticeShown(page));
        }
        Polling.awaitTrue("the room to be on the other Janus", () -> endpoint.rooms(otherId) == 1
                && endpoint.rooms(hostId) == 0);
        for (ChatPage page : List.of(ann, bob)) {
            Polling.awaitValue("the notice to go once video is back", () -> pageState(page),
                    state -> Boolean.FALSE.equals(state.get("noticeShown")));
        }
        // Frames decoded on new links keep increasing (the old links' tracks ended): video through the other Janus.
        ann.waitForVideoPlayingFrom("Bob");
        bob.waitForVideoPlayingFrom("Ann");
        Polling.awaitValue("Ann's links all new (old: " + annsOldLinks + ")", () -> linksOf(ann),
                links -> allNew(links, annsOldLinks));
        Polling.awaitValue("Bob's links all new (old: " + bobsOldLinks + ")", () -> linksOf(bob),
                links -> allNew(links, bobsOldLinks));
        assertThat(endpoint.servers().get(hostId).path("up").asBoolean()).isFalse();
        // Nobody rejoined: the same seats, nobody left, still two in the room, no error shown.
        assertThat(selfId(ann)).isEqualTo(annsSeat);
        assertThat(selfId(bob)).isEqualTo(bobsSeat);
        for (ChatPage page : List.of(ann, bob)) {
            assertThat((List<?>) page.script("return window.chatForYou.state().departures;")).isEmpty();
            assertThat(page.participantNames()).hasSize(2);
            assertThat(JanusBrowserIT.errorBannerShown(page)).isFalse();
        }
        leaveAll(ann, bob);
        Polling.awaitTrue("the moved room to close", () -> endpoint.rooms(otherId) == 0);
    }

    @Test
    void a_drained_server_keeps_its_call_with_video_takes_no_new_room_and_empties_when_the_call_ends() {
        ChatPage ann = pages.open("Ann");
        ann.createRoom("Pool drain", null, null);
        ann.waitUntilInRoom();
        ChatPage bob = pages.open("Bob");
        bob.join("Pool drain", null);
        bob.waitUntilInRoom();
        ann.waitForVideoPlayingFrom("Bob");
        bob.waitForVideoPlayingFrom("Ann");
        String hostId = Polling.awaitValue("the call's server", endpoint::onlyServerWithARoom, id -> id != null);
        String otherId = JanusPoolBackend.idOf(JANUS.stream().filter(janus -> janus != serverAt(hostId))
                .findFirst().orElseThrow());
        Object annsSeat = selfId(ann);
        Object bobsSeat = selfId(bob);

        assertThat(endpoint.drain(hostId, true).path("draining").asBoolean()).isTrue();

        ChatPage cid = pages.open("Cid");
        cid.createRoom("Pool after drain", null, null);
        cid.waitUntilInRoom();
        Polling.awaitTrue("the new room on the server that does not drain", () -> endpoint.rooms(otherId) == 1);
        assertThat(endpoint.rooms(hostId)).isEqualTo(1);
        // The drained server's call goes on there: frames still decoded, increasing, and the room not moved
        // (a link the page has to renegotiate on a loaded machine is planned on the drained server too).
        ann.waitForVideoPlayingFrom("Bob");
        bob.waitForVideoPlayingFrom("Ann");
        Polling.awaitTrue("the call's room and its four links on the drained server", () -> endpoint.rooms(hostId) == 1
                && endpoint.servers().get(hostId).path("streams").asInt() == 4);
        assertThat(selfId(ann)).isEqualTo(annsSeat);
        assertThat(selfId(bob)).isEqualTo(bobsSeat);
        assertThat((List<?>) ann.script("return window.chatForYou.state().departures;")).isEmpty();

        leaveAll(ann, bob);
        Polling.awaitTrue("the drained server's room count to reach zero", () -> endpoint.rooms(hostId) == 0);
        assertThat(endpoint.servers().get(hostId).path("draining").asBoolean()).isTrue();
        assertThat(endpoint.rooms(otherId)).isEqualTo(1);
        leaveAll(cid);
    }

    /** Leaves by the Leave button, so the rooms close now rather than after the seats' reconnect grace. */
    private static void leaveAll(ChatPage... pages) {
        for (ChatPage page : pages) {
            page.waitFor(d -> Boolean.TRUE.equals(page.script("const b = document.getElementById('leave-button');"
                    + " if (!b || b.offsetParent === null) return false; b.click(); return true;")));
        }
    }

    /** The page's links as its state holds them, so that a failure shows them whole. */
    @SuppressWarnings("unchecked")
    private static List<java.util.Map<String, Object>> linksOf(ChatPage page) {
        return (List<java.util.Map<String, Object>>) page.script("return window.chatForYou.state().links;");
    }

    private static boolean allNew(List<java.util.Map<String, Object>> links, Set<String> old) {
        return links.size() == 2 && links.stream().map(link -> link.get("linkId")).noneMatch(old::contains);
    }

    private static JanusProcess serverAt(String id) {
        return JANUS.stream().filter(janus -> JanusPoolBackend.idOf(janus).equals(id)).findFirst().orElseThrow();
    }

    private static Object selfId(ChatPage page) {
        return page.script("return window.chatForYou.state().selfId;");
    }

    /** What the page shows and holds about its media, so that a failed wait says what the page was doing. */
    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Object> pageState(ChatPage page) {
        return (java.util.Map<String, Object>) page.script("const s = window.chatForYou.state();"
                + " const n = document.getElementById('media-server-notice');"
                + " return {noticeShown: !!n && !n.hidden && n.offsetParent !== null, away: s.mediaServerAwayIn,"
                + " phase: s.phase, connection: s.connection, links: s.links};");
    }

    private static boolean noticeShown(ChatPage page) {
        return Boolean.TRUE.equals(page.script("const n = document.getElementById('media-server-notice');"
                + " return !!n && !n.hidden && n.offsetParent !== null;"));
    }
}
