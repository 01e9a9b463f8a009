package com.chatforyou.boot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.boot.ChatForYouApplication;
import com.chatforyou.boot.signaling.SignalingTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Host sign-in with configured users, in real browsers: only signed-in hosts create rooms, a host signs
 * in on the server's login page (a bcrypt and an argon2 user), creates a room, and a guest who never
 * signed in joins it. The hashes are what an operator would put in the settings.
 */
@SpringBootTest(classes = ChatForYouApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "chatforyou.security.room-creation=signed-in",
                "chatforyou.security.users[0].username=host",
                "chatforyou.security.users[0].password-hash={bcrypt}$2a$10$EYqBA/NMDmB8OL5pubCbuO1etCL5l8nTlWu0AnLyReTNOyyz3u1YS",
                "chatforyou.security.users[1].username=second",
                "chatforyou.security.users[1].password-hash={argon2}$argon2id$v=19$m=16384,t=2,p=1$YFecvwTVb+wr+z6A4Jv52Q$OATq2ciRDKvQmPsqWfLf06UB8dlQzIaPMpH1wGwHDtU"})
class HostSignInBrowserIT {

    @LocalServerPort
    private int port;
    @RegisterExtension
    final BrowserPages pages = new BrowserPages(() -> port);

    @Test
    void aSignedInHostCreatesARoomAndAGuestJoinsWithoutSigningIn() {
        ChatPage guest = pages.open("Gus");
        assertThat(guest.signInText()).contains("Only signed-in hosts can create rooms");
        assertThat(guest.createButtonEnabled()).isFalse();

        ChatPage host = pages.open("Hana");
        host.signIn("host", "host-password");
        assertThat(host.signInText()).isEqualTo("Signed in as host");
        assertThat(host.createButtonEnabled()).isTrue();
        host.createRoom("Board", null, null);
        host.waitUntilInRoom();

        guest.join("Board", null);
        guest.waitUntilInRoom();
        host.waitForTile("Gus");
    }

    @Test
    void anArgon2UserSignsInToo() {
        ChatPage host = pages.open("Sam");
        host.signIn("second", "second-host-password");

        assertThat(host.signInText()).isEqualTo("Signed in as second");
        host.createRoom("Argon", null, null);
        host.waitUntilInRoom();
    }

    @Test
    void aWrongPasswordStaysOnTheLoginPageSignedOut() {
        ChatPage page = pages.open("Eve");
        page.clickById("sign-in-link");
        page.submitLoginForm("host", "not-the-password");

        page.waitFor(d -> d.getCurrentUrl().contains("/login?error") ? true : null);
        assertThat(page.pageText()).containsIgnoringCase("invalid credentials");
        page.openLobby();
        assertThat(page.signInText()).contains("Only signed-in hosts can create rooms");
    }

    @Test
    void aClientThatNeverSignedInIsRefusedWithATypedError() throws Exception {
        try (SignalingTestClient client = SignalingTestClient.connect(port)) {
            client.send("/app/room.create", java.util.Map.of("name", "Sneaky"));
            assertThat(client.nextEvent().path("code").asString()).isEqualTo("sign-in-required");
        }
    }
}
