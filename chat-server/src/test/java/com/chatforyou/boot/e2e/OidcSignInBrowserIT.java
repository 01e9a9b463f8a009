package com.chatforyou.boot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.boot.ChatForYouApplication;
import com.chatforyou.testissuer.TestIssuer;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Host sign-in through OIDC against a real issuer: Spring Authorization Server runs inside the test on
 * 127.0.0.2, and the browser goes through the whole authorization-code flow (the chat redirects to the
 * issuer, the user signs in there, the issuer redirects back with a code, the chat server redeems it and
 * checks the ID token against the issuer's keys). Then the signed-in host creates a room and a guest
 * who never signed in joins it.
 */
@SpringBootTest(classes = ChatForYouApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = "chatforyou.security.room-creation=signed-in")
class OidcSignInBrowserIT {
    /** Chosen before either server starts: the issuer must know the chat's redirect URI. */
    private static final int CHAT_PORT = freePort();
    private static ConfigurableApplicationContext issuer;

    @RegisterExtension
    final BrowserPages pages = new BrowserPages(() -> CHAT_PORT);

    @DynamicPropertySource
    static void chatSignsInAtTheIssuer(DynamicPropertyRegistry registry) {
        if (issuer == null) {
            issuer = TestIssuer.start("http://127.0.0.1:" + CHAT_PORT + "/login/oauth2/code/test");
        }
        String issuerUri = TestIssuer.issuerUri(issuer);
        registry.add("server.port", () -> CHAT_PORT);
        registry.add("spring.security.oauth2.client.provider.test.issuer-uri", () -> issuerUri);
        registry.add("spring.security.oauth2.client.registration.test.client-id", () -> TestIssuer.CLIENT_ID);
        registry.add("spring.security.oauth2.client.registration.test.client-secret", () -> TestIssuer.CLIENT_SECRET);
        registry.add("spring.security.oauth2.client.registration.test.scope", () -> "openid,profile");
        registry.add("spring.security.oauth2.client.registration.test.client-name", () -> "Test issuer");
    }

    @AfterAll
    static void stopIssuer() {
        if (issuer != null) {
            issuer.close();
        }
    }

    @Test
    void aHostSignsInAtTheIssuerCreatesARoomAndAGuestJoins() {
        ChatPage guest = pages.open("Gus");
        assertThat(guest.signInText()).contains("Only signed-in hosts can create rooms");

        ChatPage host = pages.open("Hana");
        host.signIn(TestIssuer.USER, TestIssuer.PASSWORD);
        assertThat(host.signInText()).isEqualTo("Signed in as " + TestIssuer.USER);
        host.createRoom("Sso", null, null);
        host.waitUntilInRoom();

        guest.join("Sso", null);
        guest.waitUntilInRoom();
        host.waitForTile("Gus");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
