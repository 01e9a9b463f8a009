package com.chatforyou.boot.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.boot.ChatForYouApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The configured users' sign-in backs off per client address as room passwords do. Two wrong passwords
 * are free here and the third closes the address for ten minutes, so nothing depends on timing: the
 * outcomes are that the right password is refused from the guessing address, with 429 and a page that
 * says why, while another address signs in, and that a successful sign-in forgets the free failures.
 * Each test uses its own loopback addresses.
 */
@SpringBootTest(classes = ChatForYouApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "chatforyou.security.room-creation=signed-in",
                "chatforyou.security.users[0].username=host",
                "chatforyou.security.users[0].password-hash={bcrypt}$2a$10$EYqBA/NMDmB8OL5pubCbuO1etCL5l8nTlWu0AnLyReTNOyyz3u1YS",
                "chatforyou.internet.passwords.per-client.free-failures=2",
                "chatforyou.internet.passwords.per-client.first-delay=10m",
                "chatforyou.internet.passwords.per-client.max-delay=1h"})
class SignInBackoffTest {
    private static final String RIGHT = "host-password";

    @LocalServerPort
    private int port;

    @Test
    void wrongPasswordsCloseTheirAddressEvenToTheRightOneAndLeaveOtherAddressesOpen() throws Exception {
        SignInForm guesser = new SignInForm(port, "127.0.0.21");
        for (int guess = 1; guess <= 3; guess++) {
            SignInForm.Answer wrong = guesser.signIn("host", "guess-" + guess);
            assertThat(wrong.status()).as("guess %d", guess).isEqualTo(302);
            assertThat(wrong.header("Location")).as("guess %d", guess).hasValueSatisfying(
                    to -> assertThat(to).endsWith("/login?error"));
        }

        SignInForm.Answer refused = guesser.signIn("host", RIGHT);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(refused.body()).contains("Too many wrong passwords from your network address; try again in");
        assertThat(guesser.session().body()).contains("\"signedIn\":false");

        SignInForm elsewhere = new SignInForm(port, "127.0.0.22");
        assertThat(SignInForm.signedIn(elsewhere.signIn("host", RIGHT))).isTrue();
        assertThat(elsewhere.session().body()).contains("\"signedIn\":true", "\"user\":\"host\"");
    }

    @Test
    void anUnknownNameCountsAsAWrongPassword() throws Exception {
        SignInForm guesser = new SignInForm(port, "127.0.0.23");
        for (String name : new String[] {"admin", "root", "operator"}) {
            assertThat(SignInForm.signedIn(guesser.signIn(name, RIGHT))).as(name).isFalse();
        }

        assertThat(guesser.signIn("host", RIGHT).status()).isEqualTo(429);
    }

    @Test
    void aSuccessfulSignInForgetsTheFreeFailures() throws Exception {
        SignInForm forgetful = new SignInForm(port, "127.0.0.24");
        assertThat(SignInForm.signedIn(forgetful.signIn("host", "typo-1"))).isFalse();
        assertThat(SignInForm.signedIn(forgetful.signIn("host", "typo-2"))).isFalse();
        assertThat(SignInForm.signedIn(forgetful.signIn("host", RIGHT))).isTrue();

        SignInForm later = new SignInForm(port, "127.0.0.24");
        assertThat(SignInForm.signedIn(later.signIn("host", "typo-3"))).isFalse();
        assertThat(SignInForm.signedIn(later.signIn("host", "typo-4"))).isFalse();
        assertThat(SignInForm.signedIn(later.signIn("host", RIGHT)))
                .as("two failures since the last success are still free").isTrue();
    }
}
