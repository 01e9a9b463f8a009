package com.chatforyou.boot.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The Chromium pages one test opened on the server under test; closes them all after each test.
 * Register as {@code @RegisterExtension final BrowserPages pages = new BrowserPages(() -> port);}.
 */
public final class BrowserPages implements AfterEachCallback {
    private final List<ChatPage> open = new ArrayList<>();
    /** Asked when a page opens, since Spring injects the port after the extension is registered. */
    private final IntSupplier port;

    public BrowserPages(IntSupplier port) {
        this.port = port;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        closeAll();
    }

    /** A page with a fake camera and microphone, in the lobby under {@code name}. */
    public ChatPage open(String name) {
        return open(name, Chromium.Devices.CAMERA_AND_MICROPHONE, "");
    }

    public ChatPage open(String name, Chromium.Devices devices) {
        return open(name, devices, "");
    }

    /** @param query appended to the page's address, such as {@code ?iceTransportPolicy=relay} */
    public ChatPage open(String name, Chromium.Devices devices, String query) {
        String baseUrl = "http://127.0.0.1:" + port.getAsInt();
        ChromeDriver browser = Chromium.launch(devices);
        ChatPage page = new ChatPage(browser, baseUrl, name);
        open.add(page);
        switch (devices) {
            case CAMERA_DENIED -> Chromium.denyCameraAllowMicrophone(browser, baseUrl);
            case NOTHING_ALLOWED -> Chromium.denyCameraAndMicrophone(browser, baseUrl);
            default -> { }
        }
        return page.openLobby(query);
    }

    /** Ann creates the room and Bob joins it; returns once each sees the other's video. */
    public List<ChatPage> callOfTwo(String roomName) {
        ChatPage ann = open("Ann");
        ann.createRoom(roomName, null, null);
        ann.waitUntilInRoom();
        ChatPage bob = open("Bob");
        bob.join(roomName, null);
        bob.waitUntilInRoom();
        ann.waitForVideoFrom("Bob");
        bob.waitForVideoFrom("Ann");
        return List.of(ann, bob);
    }

    /** Closes one page, as a user closing the browser would. */
    public void close(ChatPage page) {
        open.remove(page);
        page.close();
    }

    public void closeAll() {
        List.copyOf(open).forEach(this::close);
    }
}
