package com.chatforyou.boot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.boot.ChatForYouApplication;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A participant whose signaling WebSocket drops (closed by the page, killed by the server, or given up
 * because the page was too busy to answer heart-beats; never with a STOMP DISCONNECT) shows
 * "reconnecting…", resumes the same seat within the grace period, and media flows again on new
 * links; the other participant never sees a leave.
 */
@SpringBootTest(classes = ChatForYouApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ServerSideSockets.class)
class ReconnectBrowserIT {

    @LocalServerPort
    private int port;
    @Autowired
    private ServerSideSockets serverSockets;
    @RegisterExtension
    final BrowserPages pages = new BrowserPages(() -> port);

    @Test
    void a_connection_dropped_by_the_page_resumes_the_seat_and_media_flows_again() {
        resumesAfter("Reconnect drill", bob -> bob.script("window.chatForYou.dropConnection();"));
    }

    @Test
    void a_connection_killed_by_the_server_resumes_the_seat_and_media_flows_again() {
        resumesAfter("Server kill drill", bob -> serverSockets.closeNewest());
    }

    /** A page too busy to answer heartbeats (a slow machine, a long task) for longer than they allow. */
    @Test
    void a_page_frozen_past_the_heartbeats_resumes_the_seat_and_media_flows_again() {
        resumesAfter("Freeze drill", bob -> bob.script("""
                setTimeout(() => { const until = Date.now() + 9000; while (Date.now() < until) { /* busy */ } }, 0);
                """));
    }

    private void resumesAfter(String roomName, java.util.function.Consumer<ChatPage> dropBobsSocket) {
        List<ChatPage> call = pages.callOfTwo(roomName);
        ChatPage ann = call.get(0);
        ChatPage bob = call.get(1);
        String bobsId = (String) bob.state().get("selfId");
        Set<String> annsOldLinks = linkIds(ann);
        bob.script("""
                window.__connectionStates = [];
                const status = document.getElementById('connection-status');
                new MutationObserver(() => window.__connectionStates.push(status.dataset.state))
                    .observe(status, { attributes: true, attributeFilter: ['data-state'] });
                """);
        dropBobsSocket.accept(bob);

        bob.waitFor(d -> {
            Map<String, Object> s = bob.state();
            return "connected".equals(s.get("connection")) && Boolean.FALSE.equals(s.get("reconnecting"))
                    && "in-room".equals(s.get("phase")) ? s : null;
        });
        ann.waitFor(d -> {
            List<Map<String, Object>> links = links(ann);
            return !links.isEmpty() && links.stream().noneMatch(l -> annsOldLinks.contains((String) l.get("linkId")))
                    && links.stream().allMatch(l -> "connected".equals(l.get("connectionState"))) ? links : null;
        });
        ann.waitForVideoFrom("Bob");
        bob.waitForVideoFrom("Ann");

        assertThat(String.valueOf(bob.script("return window.__connectionStates.join(',');"))).contains("reconnecting");
        assertThat(bob.state().get("selfId")).isEqualTo(bobsId);
        assertThat((List<?>) ann.state().get("departures")).isEmpty();
        assertThat(ann.participantNames()).contains("Bob");
    }


    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> links(ChatPage page) {
        return (List<Map<String, Object>>) page.state().get("links");
    }

    private static Set<String> linkIds(ChatPage page) {
        return links(page).stream().map(link -> (String) link.get("linkId")).collect(Collectors.toSet());
    }

}
