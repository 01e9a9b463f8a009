package com.chatforyou.adapter.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.chatforyou.domain.port.out.TimeSource;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The TURN REST API credential scheme. The expected passwords were computed outside Java, with
 * OpenSSL, exactly as follows:
 * <pre>
 * printf '%s' '1796032800:p3f9a2' | openssl dgst -sha1 -hmac 'north-wind-7c1e' -binary | base64
 *   1AHODvxe+vQKvKF/B2oTX9JDA+M=
 * printf '%s' '1796032801:p3f9a2' | openssl dgst -sha1 -hmac 'north-wind-7c1e' -binary | base64
 *   f9uDVz6ZiSiq6OPBnvDZX43O5pA=
 * printf '%s' '1796032800' | openssl dgst -sha1 -hmac 'north-wind-7c1e' -binary | base64
 *   22wB2YeBSLNXjO8W+r4BudrbNhg=
 * printf '%s' '4294967295:pAnn' | openssl dgst -sha1 \
 *   -hmac 'a-secret-that-is-longer-than-sixty-four-bytes-so-hmac-hashes-the-key-first-0123456789' -binary | base64
 *   mG3aVvfq1tk4nfc/4ddlWVOcng8=
 * </pre>
 * 1796032800 is 2026-11-30T10:00:00Z; 4294967295 (2^32 - 1) is 2106-02-07T06:28:15Z.
 */
class TurnRestCredentialsTest {
    private static final TurnSecret SECRET = new TurnSecret("north-wind-7c1e");
    private static final TurnSecret LONG_SECRET =
            new TurnSecret("a-secret-that-is-longer-than-sixty-four-bytes-so-hmac-hashes-the-key-first-0123456789");
    private static final Instant FOUR_AM = Instant.parse("2026-11-30T04:00:00Z");
    private static final Duration SIX_HOURS = Duration.ofHours(6);

    private static TimeSource at(Instant now) {
        return () -> now;
    }

    @Test
    void username_is_expiry_colon_user_and_password_is_the_base64_hmac_sha1_of_it() {
        var credentials = new TurnRestCredentials(SECRET, SIX_HOURS, at(FOUR_AM)).issue("p3f9a2");

        assertThat(credentials.username()).isEqualTo("1796032800:p3f9a2");
        assertThat(credentials.password()).isEqualTo("1AHODvxe+vQKvKF/B2oTX9JDA+M=");
        assertThat(credentials.expiresAt()).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
    }

    @Test
    void the_expiry_is_the_clock_plus_the_ttl_in_whole_seconds() {
        var credentials = new TurnRestCredentials(SECRET, SIX_HOURS, at(FOUR_AM.plusMillis(1999))).issue("p3f9a2");

        assertThat(credentials.username()).isEqualTo("1796032801:p3f9a2");
        assertThat(credentials.password()).isEqualTo("f9uDVz6ZiSiq6OPBnvDZX43O5pA=");
    }

    @Test
    void a_key_longer_than_the_hmac_block_is_hashed_first_as_openssl_does() {
        Instant now = Instant.ofEpochSecond(TurnRestCredentials.MAX_EXPIRY_SECONDS).minus(SIX_HOURS);

        var credentials = new TurnRestCredentials(LONG_SECRET, SIX_HOURS, at(now)).issue("pAnn");

        assertThat(credentials.username()).isEqualTo("4294967295:pAnn");
        assertThat(credentials.password()).isEqualTo("mG3aVvfq1tk4nfc/4ddlWVOcng8=");
    }

    @Test
    void the_timestamp_only_form_has_no_colon_for_kurento_turn_urls() {
        var credentials = new TurnRestCredentials(SECRET, SIX_HOURS, at(FOUR_AM)).issueTimestampOnly();

        assertThat(credentials.username()).isEqualTo("1796032800").doesNotContain(":");
        assertThat(credentials.password()).isEqualTo("22wB2YeBSLNXjO8W+r4BudrbNhg=");
    }

    @Test
    void an_expiry_of_two_to_the_32_minus_one_is_the_last_one_issued() {
        Instant lastSecond = Instant.ofEpochSecond(TurnRestCredentials.MAX_EXPIRY_SECONDS).minus(SIX_HOURS);
        var credentials = new TurnRestCredentials(SECRET, SIX_HOURS, at(lastSecond));

        assertThat(credentials.issue("p1").username()).startsWith("4294967295:");
    }

    @Test
    void an_expiry_at_two_to_the_32_or_later_is_refused_not_clamped() {
        Instant tooLate = Instant.ofEpochSecond(TurnRestCredentials.MAX_EXPIRY_SECONDS).minus(SIX_HOURS).plusSeconds(1);
        var credentials = new TurnRestCredentials(SECRET, SIX_HOURS, at(tooLate));

        assertThatIllegalStateException().isThrownBy(() -> credentials.issue("p1"))
                .withMessageContaining("4294967296").withMessageContaining("2106-02-07T06:28:15Z");
        assertThatIllegalStateException().isThrownBy(credentials::issueTimestampOnly);
    }

    @Test
    void a_zero_negative_or_sub_second_ttl_is_refused() {
        for (Duration ttl : new Duration[] {Duration.ZERO, Duration.ofHours(-1), Duration.ofMillis(999)}) {
            assertThatIllegalArgumentException().isThrownBy(() -> new TurnRestCredentials(SECRET, ttl, at(FOUR_AM)))
                    .withMessageContaining("chatforyou.turn.ttl");
        }
    }

    @Test
    void a_ttl_beyond_coturns_range_is_refused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TurnRestCredentials(SECRET, Duration.ofSeconds(1L << 32), at(FOUR_AM)))
                .withMessageContaining("chatforyou.turn.ttl");
    }

    @Test
    void users_with_a_colon_or_empty_are_refused() {
        var credentials = new TurnRestCredentials(SECRET, SIX_HOURS, at(FOUR_AM));

        assertThatIllegalArgumentException().isThrownBy(() -> credentials.issue("a:b"));
        assertThatIllegalArgumentException().isThrownBy(() -> credentials.issue(""));
    }

    @Test
    void neither_the_secret_nor_a_password_shows_in_to_string() {
        var credentials = new TurnRestCredentials(SECRET, SIX_HOURS, at(FOUR_AM)).issue("p3f9a2");

        assertThat(SECRET.toString()).doesNotContain("north-wind");
        assertThat(credentials.toString()).contains("1796032800:p3f9a2").doesNotContain("1AHODvxe");
    }

    @Test
    void an_empty_or_padded_secret_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TurnSecret(" "))
                .withMessageContaining("CHATFORYOU_TURN_SECRET");
        assertThatIllegalArgumentException().isThrownBy(() -> new TurnSecret(null));
        assertThatIllegalArgumentException().isThrownBy(() -> new TurnSecret("secret\n"))
                .withMessageContaining("whitespace").withMessageNotContaining("secret\n");
    }
}
