package com.chatforyou.boot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.boot.ChatForYouApplication;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Screen sharing, mute and camera-off in real browsers on the mesh backend. Headless Chromium with
 * fake devices sends a 640x480 camera and, from getDisplayMedia, an 800x450 screen; the frame sizes on
 * the viewer's tiles therefore tell which of the two each one receives. A share is sent beside the
 * camera: the viewer gets a screen tile ("Ann (screen)") and keeps Ann's camera tile.
 */
@SpringBootTest(classes = ChatForYouApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InCallControlsIT {
    @LocalServerPort
    private int port;
    @RegisterExtension
    final BrowserPages pages = new BrowserPages(() -> port);

    @Test
    void a_camera_participant_shares_and_stops_and_a_cancelled_picker_changes_nothing() {
        ChatPage ann = pages.open("Ann");
        ann.createRoom("Demo", null, null);
        ann.waitUntilInRoom();
        ChatPage bob = pages.open("Bob");
        bob.join("Demo", null);
        bob.waitUntilInRoom();
        waitForFrameSize(bob, "Ann", 640, 480);

        clickShare(ann);
        waitForFrameSize(bob, "Ann (screen)", 800, 450);
        waitForFrameSize(bob, "Ann", 640, 480);
        bob.waitFor(d -> "true".equals(bob.tileAttribute("Ann", "data-sharing")));
        assertThat(ann.browserElementText("toggle-share")).isEqualTo("Stop sharing");

        clickShare(ann);
        bob.waitFor(d -> bob.tileOf("Ann (screen)") == null);
        waitForFrameSize(bob, "Ann", 640, 480);
        bob.waitFor(d -> "false".equals(bob.tileAttribute("Ann", "data-sharing")));

        // The user dismisses the picker: nothing changes and no error is shown.
        ann.script("""
                window.pickerCancelled = false;
                navigator.mediaDevices.getDisplayMedia = () => {
                  setTimeout(() => { window.pickerCancelled = true; }, 0);
                  return Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
                };
                """);
        clickShare(ann);
        ann.waitFor(d -> Boolean.TRUE.equals(ann.script("return window.pickerCancelled;")));
        assertThat(ann.script("return document.getElementById('error-banner').hidden;")).isEqualTo(true);
        assertThat(ann.browserElementText("toggle-share")).isEqualTo("Share screen");
        assertThat(ann.script("return window.chatForYou.state().localMedia.sharing;")).isEqualTo(false);
        assertThat(bob.tileAttribute("Ann", "data-sharing")).isEqualTo("false");
        waitForFrameSize(bob, "Ann", 640, 480);
        assertThat(ann.tileOf("Bob")).containsEntry("hasVideo", "true");
    }

    @Test
    void an_audio_only_participant_shares_and_the_placeholder_returns_when_they_stop() {
        ChatPage ann = pages.open("Ann");
        ann.createRoom("Audio", null, null);
        ann.waitUntilInRoom();
        ChatPage cid = pages.open("Cid");
        cid.refuseCameraKeepMicrophone();
        cid.join("Audio", null);
        cid.waitUntilInRoom();
        ann.waitForTile("Cid");
        ann.waitForAudioFrom("Cid");
        ann.waitFor(d -> Boolean.TRUE.equals(ann.tileOf("Cid").get("placeholderVisible")));

        clickShare(cid);
        waitForFrameSize(ann, "Cid (screen)", 800, 450);
        ann.waitFor(d -> "true".equals(ann.tileAttribute("Cid", "data-sharing"))
                && Boolean.TRUE.equals(ann.tileOf("Cid").get("placeholderVisible")));

        clickShare(cid);
        ann.waitFor(d -> {
            Map<String, Object> tile = ann.tileOf("Cid");
            return ann.tileOf("Cid (screen)") == null && "false".equals(tile.get("hasVideo"))
                    && Boolean.TRUE.equals(tile.get("placeholderVisible"))
                    && "false".equals(ann.tileAttribute("Cid", "data-sharing"));
        });
        ann.waitForAudioFrom("Cid");
    }

    @Test
    void mute_and_camera_off_reach_the_others_and_a_newcomer() {
        ChatPage ann = pages.open("Ann");
        ann.createRoom("Quiet", null, null);
        ann.waitUntilInRoom();
        // Alone, no link sends her microphone: after a few seconds WebAudio measures it instead.
        ann.waitFor(d -> "true".equals(ann.script("return document.getElementById('self-tile').dataset.speaking;")));
        ChatPage bob = pages.open("Bob");
        bob.join("Quiet", null);
        bob.waitUntilInRoom();
        bob.waitForTile("Ann");
        // Chromium's fake microphone beeps: the active speaker highlight lights up on both ends.
        bob.waitFor(d -> "true".equals(bob.tileAttribute("Ann", "data-speaking")));
        ann.waitFor(d -> "true".equals(ann.script("return document.getElementById('self-tile').dataset.speaking;")));
        // Both read from WebRTC: no audio context is left, not the pre-join meter's nor the one that
        // measured Ann's microphone while she was alone in the room.
        for (ChatPage page : List.of(ann, bob)) {
            page.waitFor(d -> Boolean.FALSE.equals(page.script("return window.chatForYou.audioContextOpen();")));
        }

        ann.waitFor(d -> d.findElement(By.id("toggle-audio")).isEnabled());
        ann.waitFor(d -> d.findElement(By.id("toggle-video")).isEnabled());
        ann.clickById("toggle-audio");
        ann.clickById("toggle-video");
        bob.waitFor(d -> "true".equals(bob.tileAttribute("Ann", "data-audio-muted"))
                && "true".equals(bob.tileAttribute("Ann", "data-video-muted")));
        bob.waitFor(d -> Boolean.TRUE.equals(bob.tileOf("Ann").get("placeholderVisible")));

        ChatPage cid = pages.open("Cid");
        cid.join("Quiet", null);
        cid.waitUntilInRoom();
        cid.waitForTile("Ann");
        assertThat(cid.tileAttribute("Ann", "data-audio-muted")).isEqualTo("true");
        assertThat(cid.tileAttribute("Ann", "data-video-muted")).isEqualTo("true");
        assertThat(cid.tileAttribute("Bob", "data-audio-muted")).isEqualTo("false");

        ann.clickById("toggle-audio");
        for (ChatPage viewer : List.of(bob, cid)) {
            viewer.waitFor(d -> "false".equals(viewer.tileAttribute("Ann", "data-audio-muted"))
                    && "true".equals(viewer.tileAttribute("Ann", "data-video-muted")));
        }
    }

    @Test
    void switching_the_camera_in_a_call_sends_the_other_camera_and_the_others_keep_seeing_video() {
        ChatPage ann = pages.open("Ann");
        ann.createRoom("Devices", null, null);
        ann.waitUntilInRoom();
        ChatPage bob = pages.open("Bob", Chromium.Devices.TWO_CAMERAS);
        bob.join("Devices", null);
        bob.waitUntilInRoom();
        ann.waitForVideoFrom("Bob");
        String before = (String) bob.waitFor(d -> sentCameraLabel(bob));
        bob.waitFor(d -> d.findElement(By.id("camera-select")).isEnabled());

        String other = (String) bob.script("""
                const select = document.getElementById('camera-select');
                const next = [...select.options].find(o => o.value !== select.value);
                select.value = next.value;
                select.dispatchEvent(new Event('change', { bubbles: true }));
                return next.textContent;
                """);

        bob.waitFor(d -> {
            Object label = sentCameraLabel(bob);
            return label != null && !label.equals(before) ? label : null;
        });
        assertThat(sentCameraLabel(bob)).isEqualTo(other);
        assertThat(bob.script("return document.getElementById('error-banner').hidden;")).isEqualTo(true);
        assertThat(bob.script("return window.chatForYou.state().self.participantId;")).isNotNull();
        ann.waitForVideoFrom("Bob");
        assertThat((List<?>) ann.script("return window.chatForYou.state().departures;")).isEmpty();
    }

    /** The label of the camera track Bob's links send, once every sending link sends the same one. */
    private static Object sentCameraLabel(ChatPage page) {
        return page.script("""
                const labels = new Set(window.chatForYou.peerConnections()
                    .flatMap(pc => pc.getSenders())
                    .filter(s => s.track && s.track.kind === 'video')
                    .map(s => s.track.label));
                return labels.size === 1 ? [...labels][0] : null;
                """);
    }

    private static void clickShare(ChatPage page) {
        page.waitFor(d -> d.findElement(By.id("toggle-share")).isDisplayed()
                && d.findElement(By.id("toggle-share")).isEnabled());
        page.clickById("toggle-share");
    }

    private static void waitForFrameSize(ChatPage viewer, String participantName, int width, int height) {
        viewer.waitFor(d -> {
            Map<String, Object> tile = viewer.tileOf(participantName);
            return tile != null && ((Number) tile.get("videoWidth")).intValue() == width
                    && ((Number) tile.get("videoHeight")).intValue() == height ? tile : null;
        });
    }

}
