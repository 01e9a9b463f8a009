package com.chatforyou.boot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.boot.ChatForYouApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A server restart with a call in progress: both pages show "Server restarting — reconnecting…",
 * reconnect to the new server on the same port with their usual backoff, join the room with a password
 * again by name (one re-creates it with its password, the other finds it), and see each other's video again.
 */
class ServerRestartBrowserIT {
    private final List<ChatPage> pages = new ArrayList<>();
    private ConfigurableApplicationContext server;

    @AfterEach
    void closeEverything() {
        pages.forEach(ChatPage::close);
        if (server != null) {
            server.close();
        }
    }

    @Test
    void after_a_restart_both_participants_are_back_in_the_room_with_video() throws IOException {
        int port = freePort();
        server = start(port);
        ChatPage ann = open("Ann", port);
        ann.createRoom("Restart drill", 4, "hunter2");
        ann.waitUntilInRoom();
        ChatPage bob = open("Bob", port);
        bob.join("Restart drill", "hunter2");
        bob.waitUntilInRoom();
        ann.waitForVideoFrom("Bob");
        bob.waitForVideoFrom("Ann");
        for (ChatPage page : List.of(ann, bob)) {
            page.script("""
                    window.__connectionStates = [];
                    const status = document.getElementById('connection-status');
                    new MutationObserver(() => window.__connectionStates.push(status.textContent))
                        .observe(status, { childList: true, characterData: true, subtree: true });
                    """);
        }

        server.close();
        server = start(port);

        for (ChatPage page : List.of(ann, bob)) {
            page.waitFor(d -> {
                Map<String, Object> s = page.state();
                return "in-room".equals(s.get("phase")) && "connected".equals(s.get("connection")) ? s : null;
            });
        }
        ann.waitForVideoFrom("Bob");
        bob.waitForVideoFrom("Ann");

        for (ChatPage page : List.of(ann, bob)) {
            assertThat(String.valueOf(page.script("return window.__connectionStates.join('|');")))
                    .contains("Server restarting — reconnecting…");
            assertThat(page.errorText()).isEmpty();
            @SuppressWarnings("unchecked")
            Map<String, Object> room = (Map<String, Object>) page.state().get("room");
            assertThat(room).containsEntry("name", "Restart drill").containsEntry("passwordRequired", true);
        }
    }

    private static ConfigurableApplicationContext start(int port) {
        return new SpringApplicationBuilder(ChatForYouApplication.class).run("--server.port=" + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }


    private ChatPage open(String name, int port) {
        var browser = Chromium.launch(Chromium.Devices.CAMERA_AND_MICROPHONE);
        ChatPage page = new ChatPage(browser, "http://127.0.0.1:" + port, name);
        pages.add(page);
        return page.openLobby();
    }
}
