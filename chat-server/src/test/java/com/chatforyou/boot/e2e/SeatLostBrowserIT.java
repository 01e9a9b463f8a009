package com.chatforyou.boot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.boot.ChatForYouApplication;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A page whose connection came back after the server gave its seat up (here at once: no reconnect
 * grace) joins the room again as a new participant, as Meet does, instead of landing in the lobby;
 * media flows again both ways.
 */
@SpringBootTest(classes = ChatForYouApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chatforyou.rooms.reconnect-grace=0s")
class SeatLostBrowserIT {

    @LocalServerPort
    private int port;
    @RegisterExtension
    final BrowserPages pages = new BrowserPages(() -> port);

    @Test
    void a_page_whose_seat_was_given_up_joins_the_room_again_with_media() {
        List<ChatPage> call = pages.callOfTwo("Seat lost drill");
        ChatPage ann = call.get(0);
        ChatPage bob = call.get(1);
        String bobsFirstSeat = (String) bob.state().get("selfId");

        bob.script("window.chatForYou.dropConnection();");

        Map<String, Object> back = bob.waitFor(d -> {
            Map<String, Object> s = bob.state();
            return "in-room".equals(s.get("phase")) && s.get("selfId") != null && !bobsFirstSeat.equals(s.get("selfId"))
                    ? s : null;
        });
        assertThat(back.get("connection")).isEqualTo("connected");
        ann.waitForVideoFrom("Bob");
        bob.waitForVideoFrom("Ann");
        assertThat(ann.participantNames()).containsExactlyInAnyOrder("Ann", "Bob");
        assertThat(bob.participantNames()).containsExactlyInAnyOrder("Ann", "Bob");
        assertThat((List<?>) ann.state().get("departures")).as("Ann saw the old seat go").hasSize(1);
    }

}
