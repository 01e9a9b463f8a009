package com.chatforyou.boot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.boot.ChatForYouApplication;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The call as a user of Meet or Jitsi expects it, in real browsers: an invite link, a reload that
 * keeps the seat, tiles that fill the window, a screen share on the stage, keyboard shortcuts, and a
 * phone-sized window. Every wait polls for the outcome (ChatPage's patience); nothing is timed. The
 * screenshots in the README and docs come from here.
 */
@SpringBootTest(classes = ChatForYouApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // A loaded machine may take a while to reload a page; the seat waits long enough for it.
        properties = "chatforyou.rooms.reload-grace=20s")
class CallExperienceIT {
    private static final Path SCREENSHOTS = Path.of(System.getProperty("chatforyou.e2e.screenshots", "target/screenshots"));

    @LocalServerPort
    private int port;
    @RegisterExtension
    final BrowserPages pages = new BrowserPages(() -> port);

    @Test
    void a_second_browser_opens_the_invite_link_and_lands_in_the_room_and_an_unknown_link_offers_the_lobby()
            throws Exception {
        ChatPage ann = pages.open("Ann");
        ann.createRoom("Design review", null, null);
        ann.waitUntilInRoom();
        String invite = (String) ann.waitFor(d -> ann.script("return window.chatForYou.inviteUrl();"));
        assertThat(invite).isEqualTo("http://127.0.0.1:" + port + "/r/design-review");
        assertThat(ann.script("return location.href;")).isEqualTo(invite);
        assertThat(ann.browserElementText("copy-invite")).isEqualTo("Copy invite link");

        ChatPage bob = pages.open("Bob");
        bob.openInvite(invite);
        bob.waitFor(d -> d.findElement(By.id("prejoin-view")).isDisplayed()
                && "Design review".equals(d.findElement(By.id("prejoin-room-name")).getText()));
        // The pre-join check: the camera preview plays and the microphone has a level.
        bob.waitFor(d -> ((Number) bob.script("return document.getElementById('prejoin-video').videoWidth;")).intValue() > 0);
        bob.waitFor(d -> ((Number) bob.script("return document.getElementById('prejoin-meter').value;")).doubleValue() > 0);
        assertThat(bob.script("return document.getElementById('prejoin-camera').options.length;")).isNotEqualTo(0L);
        bob.saveScreenshot(SCREENSHOTS.resolve("prejoin.png"));
        bob.joinFromPrejoin();
        bob.waitUntilInRoom();
        bob.waitForVideoFrom("Ann");
        ann.waitForVideoFrom("Bob");

        // Each tile shows its connection quality, with the figures from getStats in its tooltip.
        bob.waitFor(d -> {
            Object label = bob.script("""
                    const tile = [...document.querySelectorAll('#tiles .tile[data-participant-id]')]
                        .find(t => t.querySelector('.tile-name')?.textContent === 'Ann');
                    const q = tile?.querySelector('.tile-quality');
                    return q && !q.hidden && q.dataset.level !== 'unknown' ? q.getAttribute('aria-label') : null;
                    """);
            return label != null && label.toString().matches("(Good|Fair|Poor) connection: RTT .* · loss .* · jitter .* · .*")
                    ? label : null;
        });

        // A refused camera is explained on the pre-join screen, with what to do.
        ChatPage eve = pages.open("Eve", Chromium.Devices.CAMERA_DENIED);
        eve.openInvite(invite);
        eve.waitFor(d -> d.findElement(By.id("prejoin-advice")).isDisplayed());
        assertThat(eve.browserElementText("prejoin-advice-text")).contains("blocked the camera").contains("address bar");

        eve.openInvite("http://127.0.0.1:" + port + "/r/no-such-room");
        eve.waitFor(d -> d.findElement(By.id("room-missing-view")).isDisplayed());
        assertThat(eve.browserElementText("room-missing-heading")).contains("does not exist");
        eve.clickById("room-missing-lobby");
        eve.waitFor(d -> d.findElement(By.id("lobby-view")).isDisplayed());
    }

    @Test
    void a_reload_during_the_call_rejoins_the_same_seat_and_the_others_see_no_leave() {
        ChatPage ann = pages.open("Ann");
        ann.createRoom("Reload drill", null, null);
        ann.waitUntilInRoom();
        ChatPage bob = pages.open("Bob");
        bob.join("Reload drill", null);
        bob.waitUntilInRoom();
        ann.waitForVideoFrom("Bob");
        bob.clickById("toggle-audio");
        ann.waitFor(d -> "true".equals(ann.tileAttribute("Bob", "data-audio-muted")));
        String bobsId = (String) bob.state().get("selfId");

        bob.reload();

        bob.waitFor(d -> {
            Map<String, Object> s = bob.state();
            return "in-room".equals(s.get("phase")) && bobsId.equals(s.get("selfId")) ? s : null;
        });
        ann.waitForVideoFrom("Bob");
        bob.waitForVideoFrom("Ann");
        assertThat((List<?>) ann.state().get("departures")).isEmpty();
        assertThat(ann.participantNames()).containsExactly("Ann", "Bob");
        // The microphone stays muted across the reload.
        assertThat(bob.browserElementText("toggle-audio")).isEqualTo("Unmute");
        assertThat(ann.tileAttribute("Bob", "data-audio-muted")).isEqualTo("true");
    }

    @Test
    void grid_tiles_fill_the_window_and_are_sized_anew_when_it_changes() throws Exception {
        ChatPage ann = pages.open("Ann");
        ann.createRoom("Standup", null, null);
        ann.waitUntilInRoom();
        ChatPage bob = pages.open("Bob");
        bob.join("Standup", null);
        ChatPage cid = pages.open("Cid", Chromium.Devices.CAMERA_DENIED);
        cid.join("Standup", null);
        cid.waitUntilInRoom();
        ann.waitForVideoFrom("Bob");
        ann.waitForTile("Cid");

        Map<String, Object> wide = settledLayout(ann, 3);
        assertFillsTheArea(wide, 3);
        assertThat(width(wide)).as("tiles are larger than the fixed 320 px of old").isGreaterThan(320);
        bob.sendChat("Morning! Cid is on audio only today.");
        ann.waitForChat("Morning! Cid is on audio only today.");
        ann.saveScreenshot(SCREENSHOTS.resolve("room.png"));

        ann.resizeWindow(900, 700);
        Map<String, Object> narrow = ann.waitFor(d -> {
            Map<String, Object> layout = settledLayout(ann, 3);
            return width(layout) != width(wide) ? layout : null;
        });
        assertFillsTheArea(narrow, 3);
        assertThat(width(narrow)).isLessThan(width(wide));
    }

    @Test
    void a_screen_share_takes_the_stage_with_the_sharers_camera_in_the_strip() throws Exception {
        ChatPage ann = pages.open("Ann");
        ann.createRoom("Demo", null, null);
        ann.waitUntilInRoom();
        ChatPage bob = pages.open("Bob");
        bob.join("Demo", null);
        bob.waitUntilInRoom();
        bob.waitForVideoFrom("Ann");

        ann.waitFor(d -> d.findElement(By.id("toggle-share")).isDisplayed());
        ann.clickById("toggle-share");

        Map<String, Object> screen = bob.waitFor(d -> {
            Map<String, Object> tile = bob.tileOf("Ann (screen)");
            return tile != null && Boolean.TRUE.equals(tile.get("onStage"))
                    && ((Number) tile.get("videoWidth")).intValue() == 800 ? tile : null;
        });
        Map<String, Object> camera = bob.tileOf("Ann");
        assertThat(camera).containsEntry("onStage", false).containsEntry("videoWidth", 640L);
        assertThat(((Number) screen.get("width")).intValue()).isGreaterThan(2 * ((Number) camera.get("width")).intValue());
        assertThat(bob.script("return document.getElementById('tiles').dataset.layout;")).isEqualTo("stage");
        bob.saveScreenshot(SCREENSHOTS.resolve("screen-share.png"));

        ann.clickById("toggle-share");
        bob.waitFor(d -> "grid".equals(bob.script("return document.getElementById('tiles').dataset.layout;")));
    }

    @Test
    void the_m_shortcut_toggles_mute_and_the_question_mark_lists_the_shortcuts() {
        ChatPage ann = pages.open("Ann");
        ann.createRoom("Keys", null, null);
        ann.waitUntilInRoom();
        ChatPage bob = pages.open("Bob");
        bob.join("Keys", null);
        bob.waitForTile("Ann");
        ann.waitFor(d -> d.findElement(By.id("toggle-audio")).isEnabled());

        ann.pressKey("m");
        bob.waitFor(d -> "true".equals(bob.tileAttribute("Ann", "data-audio-muted")));
        assertThat(ann.browserElementText("toggle-audio")).isEqualTo("Unmute");
        // The state is text on the tile, not only a colour.
        assertThat(bob.script("""
                return [...document.querySelectorAll('#tiles .tile[data-participant-id]')]
                    .find(t => t.querySelector('.tile-name').textContent === 'Ann').querySelector('.tile-status').textContent;
                """)).asString().contains("Muted");

        ann.pressKey("m");
        bob.waitFor(d -> "false".equals(bob.tileAttribute("Ann", "data-audio-muted")));

        ann.pressKey("?");
        ann.waitFor(d -> d.findElement(By.id("help-dialog")).isDisplayed());
        assertThat(ann.browserElementText("shortcut-list")).contains("Mute or unmute the microphone");
    }

    @Test
    void on_a_phone_sized_window_the_controls_are_in_a_bottom_bar_and_the_chat_stays_reachable() throws Exception {
        ChatPage ann = pages.open("Ann");
        ann.createRoom("Commute", null, null);
        ann.waitUntilInRoom();
        // Camera refused: the notice that once pushed the chat input off the screen is shown.
        ChatPage cid = pages.open("Cid", Chromium.Devices.CAMERA_DENIED);
        cid.resizeWindow(360, 640);
        cid.join("Commute", null);
        cid.waitUntilInRoom();
        cid.waitForVideoFrom("Ann");
        assertThat(cid.mediaNotice()).containsIgnoringCase("cannot see you");
        assertThat(cid.script("return [window.innerWidth, window.innerHeight];")).isEqualTo(List.of(360L, 640L));

        Map<?, ?> bar = rect(cid, ".control-bar");
        assertThat(((Number) bar.get("bottom")).doubleValue()).isLessThanOrEqualTo(viewportHeight(cid) + 1);
        assertThat(((Number) bar.get("top")).doubleValue()).isGreaterThan(viewportHeight(cid) / 2);

        ann.sendChat("Are you on the train?");
        cid.waitFor(d -> !d.findElement(By.id("chat-unread")).getText().isEmpty());
        assertThat(cid.browserElementText("chat-unread")).isEqualTo("1");
        cid.clickById("toggle-chat");
        cid.waitFor(d -> d.findElement(By.id("chat-input")).isDisplayed());
        Map<?, ?> input = rect(cid, "#chat-input");
        assertThat(((Number) input.get("bottom")).doubleValue()).isLessThanOrEqualTo(viewportHeight(cid) + 1);
        assertThat(((Number) input.get("top")).doubleValue()).isGreaterThanOrEqualTo(0);
        assertThat(cid.waitForChat("Are you on the train?")).isEqualTo("Ann");
        cid.sendChat("Yes, see https://example.org/timetable");
        assertThat(ann.waitForChat("Yes, see https://example.org/timetable")).isEqualTo("Cid");
        assertThat(ann.script("""
                const a = document.querySelector('#chat-log .chat-text a');
                return a ? [a.getAttribute('href'), a.getAttribute('rel')] : null;
                """)).isEqualTo(List.of("https://example.org/timetable", "noopener noreferrer"));
        cid.saveScreenshot(SCREENSHOTS.resolve("phone.png"));
    }

    // ---- helpers -----------------------------------------------------------------------------------


    /** The layout once every one of `count` tiles has the same size. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> settledLayout(ChatPage page, int count) {
        return page.waitFor(d -> {
            Map<String, Object> layout = (Map<String, Object>) page.script("return window.chatForYou.layout();");
            List<Map<String, Object>> tiles = (List<Map<String, Object>>) layout.get("tiles");
            if (tiles.size() != count) {
                return null;
            }
            long distinct = tiles.stream().map(t -> t.get("width") + "x" + t.get("height")).distinct().count();
            return distinct == 1 && ((Number) tiles.get(0).get("width")).intValue() > 0 ? layout : null;
        });
    }

    @SuppressWarnings("unchecked")
    private static int width(Map<String, Object> layout) {
        return ((Number) ((List<Map<String, Object>>) layout.get("tiles")).get(0).get("width")).intValue();
    }

    /**
     * The grid uses the area: its tiles keep 16:9, none overflows, and they are as large as the best
     * of every column count (measured in the browser, within a pixel of rounding per tile).
     */
    @SuppressWarnings("unchecked")
    private static void assertFillsTheArea(Map<String, Object> layout, int count) {
        Map<String, Object> area = (Map<String, Object>) layout.get("area");
        double w = ((Number) area.get("width")).doubleValue();
        double h = ((Number) area.get("height")).doubleValue();
        Map<String, Object> tile = ((List<Map<String, Object>>) layout.get("tiles")).get(0);
        double tw = ((Number) tile.get("width")).doubleValue();
        double th = ((Number) tile.get("height")).doubleValue();
        double gap = 8;
        double best = 0;
        for (int columns = 1; columns <= count; columns++) {
            int rows = (count + columns - 1) / columns;
            best = Math.max(best, Math.min((w - gap * (columns - 1)) / columns, (h - gap * (rows - 1)) / rows * 16 / 9));
        }
        assertThat(tw).as("tile width in a %sx%s area", w, h).isBetween(best - 2, best + 1);
        assertThat(tw / th).isCloseTo(16.0 / 9, org.assertj.core.data.Offset.offset(0.05));
    }

    private static Map<?, ?> rect(ChatPage page, String selector) {
        return (Map<?, ?>) page.script("""
                const r = document.querySelector(arguments[0]).getBoundingClientRect();
                return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
                """, selector);
    }

    private static double viewportHeight(ChatPage page) {
        return ((Number) page.script("return window.innerHeight;")).doubleValue();
    }
}
