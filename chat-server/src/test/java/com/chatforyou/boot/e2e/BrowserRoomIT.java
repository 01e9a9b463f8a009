package com.chatforyou.boot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.boot.ChatForYouApplication;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Real rooms in real browsers: Debian's headless Chromium with fake devices, against the whole server
 * on the embedded mesh backend. The test JVM runs in a network namespace with only loopback (see
 * src/test/private-network/bin/java), so all media stays on 127.0.0.1.
 */
@SpringBootTest(classes = ChatForYouApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserRoomIT {
    private static final String XSS = "<img src=x onerror=alert(1)>";

    @LocalServerPort
    private int port;
    @RegisterExtension
    final BrowserPages pages = new BrowserPages(() -> port);

    @Test
    void participants_see_and_hear_each_other_and_an_audio_only_newcomer() throws Exception {
        ChatPage ann = pages.open("Ann", Chromium.Devices.CAMERA_AND_MICROPHONE);
        ann.createRoom("Standup", null, null);
        ann.waitUntilInRoom();
        ChatPage bob = pages.open("Bob", Chromium.Devices.CAMERA_AND_MICROPHONE);
        bob.openPrejoin("Standup", null);
        // The pre-join screen makes Bob's two links' peer connections (one each way to Ann) before the click.
        bob.awaitPeerConnectionsReserved(2);
        bob.joinFromPrejoin();
        bob.waitUntilInRoom();

        // (a) each sees the other's video playing and has the other's audio
        ann.waitForVideoFrom("Bob");
        bob.waitForVideoFrom("Ann");
        ann.waitForAudioFrom("Bob");
        bob.waitForAudioFrom("Ann");
        assertThat(ann.tileOf("Bob")).containsEntry("audioTracks", 1L).containsEntry("hasVideo", "true");
        assertThat(bob.tileOf("Ann")).containsEntry("audioTracks", 1L).containsEntry("hasVideo", "true");
        assertThat(bob.peerConnectionReserve()).containsEntry("taken", 2L);
        assertThat(ann.peerConnectionReserve()).as("Ann's links to Bob took the one her call kept ready")
                .extractingByKey("taken").isNotEqualTo(0L);

        // (b) camera refused, microphone allowed: joins audio-only and still sees everyone
        ChatPage cid = pages.open("Cid", Chromium.Devices.CAMERA_DENIED);
        cid.join("Standup", null);
        cid.waitUntilInRoom();
        assertThat(cid.mediaNotice()).containsIgnoringCase("cannot see you");
        cid.waitForVideoFrom("Ann");
        cid.waitForVideoFrom("Bob");
        for (ChatPage other : List.of(ann, bob)) {
            other.waitForTile("Cid");
            other.waitForAudioFrom("Cid");
            Map<String, Object> cidsTile = awaitAudio(other, "Cid");
            assertThat(cidsTile).containsEntry("hasVideo", "false").containsEntry("videoTracks", 0L)
                    .containsEntry("placeholderVisible", true);
        }
        assertThat(ann.participantNames()).hasSize(3);
        // (c) Ann and Bob each send their camera twice now: the uplink budget is shared (uplink-budget.js).
        for (ChatPage sender : List.of(ann, bob)) {
            sender.waitFor(d -> sender.cameraSendEncodings().size() == 2
                    && sender.cameraSendEncodings().stream().allMatch(e -> Long.valueOf(600_000).equals(e.get("maxBitrate")))
                    ? true : null);
            assertThat(sender.cameraSendEncodings()).allSatisfy(e -> assertThat(e).containsEntry("scaleResolutionDownBy", 1L));
        }
        bob.sendChat("Morning! Cid is on audio only today.");
        ann.waitForChat("Morning! Cid is on audio only today.");
        ann.saveScreenshot(Path.of(System.getProperty("chatforyou.e2e.screenshots", "target/screenshots"), "audio-only.png"));
    }

    @Test
    void chat_reaches_everyone_as_text_and_a_closed_browser_leaves_the_room() {
        ChatPage ann = pages.open("Ann", Chromium.Devices.CAMERA_AND_MICROPHONE);
        ann.createRoom("Retro", null, null);
        ann.waitUntilInRoom();
        // neither camera nor microphone: joins receive-only with a notice, and still sees Ann
        ChatPage bob = pages.open("Bob", Chromium.Devices.NOTHING_ALLOWED);
        bob.join("Retro", null);
        bob.waitUntilInRoom();
        assertThat(bob.mediaNotice()).containsIgnoringCase("cannot see or hear you");
        bob.waitForVideoFrom("Ann");
        ann.waitForTile("Bob");
        assertThat(ann.tileOf("Bob")).containsEntry("hasVideo", "false").containsEntry("audioTracks", 0L);

        // (c) chat arrives at the other browser, and markup shows as text
        ann.sendChat("hello Bob");
        assertThat(bob.waitForChat("hello Bob")).isEqualTo("Ann");
        bob.sendChat(XSS);
        assertThat(ann.waitForChat(XSS)).isEqualTo("Bob");
        assertThat(ann.elementsInChatLog("img")).isZero();

        // a newcomer gets the recent history
        ChatPage cid = pages.open("Cid", Chromium.Devices.CAMERA_AND_MICROPHONE);
        cid.join("Retro", null);
        cid.waitUntilInRoom();
        assertThat(cid.waitForChat("hello Bob")).isEqualTo("Ann");
        assertThat(cid.waitForChat(XSS)).isEqualTo("Bob");

        // (d) closing a browser removes it from the others' view
        cid.waitForVideoFrom("Ann");
        ann.waitForVideoFrom("Cid");
        cid.closeTab();
        ann.waitUntilTileGone("Cid");
        bob.waitUntilTileGone("Cid");
    }

    @Test
    void a_wrong_password_and_a_full_room_are_refused_in_the_page() {
        ChatPage ann = pages.open("Ann", Chromium.Devices.CAMERA_AND_MICROPHONE);
        ann.createRoom("Board", 2, "s3cret");
        ann.waitUntilInRoom();

        ChatPage eve = pages.open("Eve", Chromium.Devices.NOTHING_ALLOWED);
        eve.join("Board", "guess");
        assertThat(eve.waitForError()).isEqualTo("wrong-password");
        assertThat(eve.errorText()).containsIgnoringCase("password");

        ChatPage bob = pages.open("Bob", Chromium.Devices.NOTHING_ALLOWED);
        bob.join("Board", "s3cret");
        bob.waitUntilInRoom();

        ChatPage cid = pages.open("Cid", Chromium.Devices.NOTHING_ALLOWED);
        cid.join("Board", "s3cret");
        assertThat(cid.waitForError()).isEqualTo("room-full");
        assertThat(cid.errorText()).containsIgnoringCase("full");
    }

    private static Map<String, Object> awaitAudio(ChatPage viewer, String participantName) {
        Map<String, Object> tile = viewer.tileOf(participantName);
        assertThat(tile).as("%s's tile in %s's page", participantName, viewer.name).isNotNull()
                .containsEntry("audioTracks", 1L);
        return tile;
    }
}
