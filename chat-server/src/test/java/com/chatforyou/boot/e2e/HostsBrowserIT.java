package com.chatforyou.boot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.boot.ChatForYouApplication;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A host runs a meeting in real browsers: raised hands queue in order, the host mutes one participant
 * and removes another, locks the room, admits one knocker from the waiting room and denies another,
 * and ends the meeting for everyone. Every step is driven through the page's own controls and checked
 * where the affected person sees it.
 */
@SpringBootTest(classes = ChatForYouApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostsBrowserIT {
    private static final String ROOM = "Class";

    @LocalServerPort
    private int port;
    @RegisterExtension
    final BrowserPages pages = new BrowserPages(() -> port);

    @Test
    void a_host_mutes_removes_locks_admits_and_denies_and_ends_the_meeting() {
        ChatPage ann = pages.open("Ann");
        ann.createRoom(ROOM, null, null);
        ann.waitUntilInRoom();
        ann.waitFor(d -> d.findElement(By.id("host-panel")).isDisplayed());
        ChatPage bob = pages.open("Bob");
        bob.join(ROOM, null);
        bob.waitUntilInRoom();
        ChatPage cid = pages.open("Cid", Chromium.Devices.CAMERA_DENIED);
        cid.join(ROOM, null);
        cid.waitUntilInRoom();
        assertThat(bob.script("return document.getElementById('host-panel').hidden;")).isEqualTo(true);
        bob.waitFor(d -> "Host".equals(tileOf(bob, "Ann").findElement(By.className("tile-role")).getText()));

        // Raised hands: Cid first, then Bob; everyone sees the same queue, in that order.
        raiseHand(cid);
        ann.waitFor(d -> handQueue(ann).equals(List.of("Cid")));
        raiseHand(bob);
        for (ChatPage everyone : List.of(ann, bob, cid)) {
            everyone.waitFor(d -> handQueue(everyone).size() == 2);
        }
        assertThat(handQueue(ann)).containsExactly("Cid", "Bob");
        assertThat(handQueue(cid)).containsExactly("Cid (you)", "Bob");
        assertThat(tileOf(ann, "Bob").getAttribute("data-hand")).isEqualTo("2");

        // The host mutes Bob: his microphone goes off in his own page, and he reads who did it.
        ann.waitForAudioFrom("Bob");
        hostAction(ann, "Bob", "mute");
        bob.waitFor(d -> Boolean.TRUE.equals(bob.script("return window.chatForYou.state().localMedia.audioMuted;")));
        bob.waitFor(d -> bob.browserElementText("moderation-notice-text").startsWith("Ann muted your microphone"));
        assertThat(bob.script("""
                return window.chatForYou.peerConnections().flatMap(pc => pc.getSenders())
                    .filter(s => s.track && s.track.kind === 'audio').every(s => !s.track.enabled);"""))
                .isEqualTo(true);
        ann.waitFor(d -> "true".equals(tileOf(ann, "Bob").getAttribute("data-audio-muted")));

        // The host removes Cid: Cid is told and is back in the lobby; the others see Cid go.
        hostAction(ann, "Cid", "remove");
        assertThat(cid.waitForError()).isEqualTo("removed");
        assertThat(cid.errorText()).startsWith("Ann removed you from the meeting.");
        cid.waitFor(d -> d.findElement(By.id("lobby-view")).isDisplayed());
        ann.waitUntilTileGone("Cid");
        bob.waitFor(d -> handQueue(bob).equals(List.of("Bob (you)")));
        pages.close(cid);

        // Locked: the lobby shows it, and a newcomer is refused.
        ChatPage dee = pages.open("Dee");
        ann.clickById("host-lock");
        dee.waitFor(d -> "true".equals(lobbyRoom(dee).getAttribute("data-locked")));
        dee.join(ROOM, null);
        assertThat(dee.waitForError()).isEqualTo("room-locked");
        // A refused join leaves Dee on the room's pre-join screen; she goes back to the lobby.
        dee.clickById("prejoin-back");
        ann.clickById("host-lock");
        dee.waitFor(d -> "false".equals(lobbyRoom(dee).getAttribute("data-locked")));

        // The waiting room: Dee and Eve knock; the host admits Dee and denies Eve, who is told.
        ann.clickById("host-waiting-room");
        dee.waitFor(d -> "true".equals(lobbyRoom(dee).getAttribute("data-waiting-room")));
        dee.join(ROOM, null);
        dee.waitFor(d -> d.findElement(By.id("waiting-view")).isDisplayed());
        assertThat(dee.browserElementText("waiting-room-name")).isEqualTo(ROOM);
        ChatPage eve = pages.open("Eve", Chromium.Devices.NOTHING_ALLOWED);
        eve.join(ROOM, null);
        eve.waitFor(d -> d.findElement(By.id("waiting-view")).isDisplayed());
        ann.waitFor(d -> waitingNames(ann).equals(List.of("Dee", "Eve")));
        answerKnock(ann, "Dee", "admit");
        answerKnock(ann, "Eve", "deny");
        dee.waitUntilInRoom();
        dee.waitForVideoFrom("Ann");
        assertThat(eve.waitForError()).isEqualTo("denied");
        assertThat(eve.errorText()).contains("A host did not let you in");
        eve.waitFor(d -> d.findElement(By.id("lobby-view")).isDisplayed());
        ann.waitFor(d -> waitingNames(ann).isEmpty());
        ann.waitForTile("Dee");

        // The end of the meeting, for everyone: the second click ends it.
        ann.clickById("host-end");
        assertThat(bob.script("return window.chatForYou.state().phase;")).isEqualTo("in-room");
        ann.clickById("host-end");
        for (ChatPage everyone : List.of(bob, dee, ann)) {
            assertThat(everyone.waitForError()).isEqualTo("meeting-ended");
            everyone.waitFor(d -> d.findElement(By.id("lobby-view")).isDisplayed());
        }
        assertThat(bob.errorText()).isEqualTo("Ann ended the meeting for everyone.");
        eve.waitFor(d -> d.findElements(By.cssSelector("#room-list li[data-room-id]")).stream()
                .noneMatch(li -> ROOM.equals(li.findElement(By.className("room-name")).getText())));
    }

    @Test
    void a_reaction_shows_over_the_senders_tile_and_is_announced() {
        ChatPage ann = pages.open("Ann");
        ann.createRoom("Cheers", null, null);
        ann.waitUntilInRoom();
        ChatPage bob = pages.open("Bob", Chromium.Devices.NOTHING_ALLOWED);
        bob.join("Cheers", null);
        bob.waitUntilInRoom();
        ann.waitForTile("Bob");

        bob.script("document.querySelector('#reactions button[data-emoji=\"👏\"]').click();");

        ann.waitFor(d -> tileOf(ann, "Bob").findElements(By.className("tile-reaction")).stream()
                .anyMatch(r -> "👏".equals(r.getText())));
        ann.waitFor(d -> "Bob reacted with applause.".equals(
                d.findElement(By.id("reaction-announcer")).getAttribute("textContent")));
        bob.waitFor(d -> d.findElement(By.id("self-tile")).findElements(By.className("tile-reaction")).size() == 1);
    }

    private static WebElement tileOf(ChatPage page, String name) {
        return page.waitFor(d -> d.findElements(By.cssSelector("#tiles .tile[data-participant-id]")).stream()
                .filter(tile -> name.equals(tile.findElement(By.className("tile-name")).getText()))
                .findFirst().orElse(null));
    }

    /** Opens the host menu on a participant's tile and picks an action. */
    private static void hostAction(ChatPage host, String name, String action) {
        WebElement tile = tileOf(host, name);
        host.waitFor(d -> tile.findElement(By.className("host-menu-button")).isDisplayed());
        tile.findElement(By.className("host-menu-button")).click();
        host.waitFor(d -> tile.findElement(By.cssSelector("[data-host-action='" + action + "']")).isDisplayed());
        tile.findElement(By.cssSelector("[data-host-action='" + action + "']")).click();
    }

    private static void raiseHand(ChatPage page) {
        page.waitFor(d -> d.findElement(By.id("raise-hand")).isDisplayed());
        page.clickById("raise-hand");
        page.waitFor(d -> "true".equals(d.findElement(By.id("raise-hand")).getAttribute("aria-pressed")));
    }

    private static List<String> handQueue(ChatPage page) {
        return page.waitFor(d -> d.findElements(By.cssSelector("#hands-queue li .hand-name")).stream()
                .map(name -> name.getAttribute("textContent")).toList());
    }

    private static List<String> waitingNames(ChatPage host) {
        return host.waitFor(d -> d.findElements(By.cssSelector("#waiting-list li .knock-name")).stream()
                .map(name -> name.getAttribute("textContent")).toList());
    }

    private static void answerKnock(ChatPage host, String name, String answer) {
        host.waitFor(d -> d.findElements(By.cssSelector("#waiting-list li[data-knock-id]")).stream()
                .filter(li -> name.equals(li.findElement(By.className("knock-name")).getText()))
                .findFirst().map(li -> {
                    li.findElement(By.cssSelector("button[data-knock-action='" + answer + "']")).click();
                    return true;
                }).orElse(null));
    }

    private static WebElement lobbyRoom(ChatPage page) {
        return page.waitFor(d -> d.findElements(By.cssSelector("#room-list li[data-room-id]")).stream()
                .filter(li -> ROOM.equals(li.findElement(By.className("room-name")).getText()))
                .findFirst().orElse(null));
    }
}
