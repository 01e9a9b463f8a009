package com.chatforyou.adapter.turn;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.adapter.turn.coturn.Coturn;
import com.chatforyou.adapter.turn.coturn.TurnClient;
import com.chatforyou.adapter.turn.coturn.TurnClient.Outcome;
import com.chatforyou.adapter.turn.coturn.TurnClient.Transport;
import com.chatforyou.domain.model.IceServer;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.port.out.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The adapter's credentials against a real coturn (Debian's package) with {@code use-auth-secret},
 * on 127.0.0.1: what rest mode hands a participant allocates a relay; a wrong password, an expired
 * timestamp and the wrong secret do not. Fails, rather than skips, when coturn is not installed.
 */
class CoturnAcceptsIssuedCredentialsIT {
    private static final String SECRET = "it-" + UUID.randomUUID().toString().replace("-", "");
    private static final TimeSource NOW = Instant::now;
    private static Coturn coturn;

    @BeforeAll
    static void startCoturn() {
        coturn = Coturn.start(SECRET);
    }

    @AfterAll
    static void stopCoturn() {
        if (coturn != null) {
            coturn.close();
        }
    }

    /** The TURN entry rest mode hands this participant, configured as an operator would. */
    private static IceServer turnEntryFor(String participant) {
        var config = new TurnConfiguration("rest", List.of(), List.of(), null, null,
                List.of(coturn.turnUrl("udp"), coturn.turnUrl("tcp")), SECRET, null);
        var servers = ConfiguredIceServers.from(config, NOW).provider().iceServersFor(new ParticipantId(participant))
                .servers();
        assertThat(servers).hasSize(1);
        return servers.get(0);
    }

    private static Outcome allocate(Transport transport, String username, String password) {
        return TurnClient.allocate(coturn, transport, username, password);
    }

    @Test
    void credentials_issued_in_rest_mode_allocate_a_relay_over_udp_and_tcp() {
        IceServer turn = turnEntryFor("pAnn");
        assertThat(turn.username()).matches("\\d+:pAnn");

        Outcome udp = allocate(Transport.UDP, turn.username(), turn.credential());
        Outcome tcp = allocate(Transport.TCP, turn.username(), turn.credential());

        assertThat(udp.exitCode()).as(udp.output()).isZero();
        assertThat(tcp.exitCode()).as(tcp.output()).isZero();
        assertThat(coturn.allocatedFor(turn.username())).as(coturn.log()).isTrue();
    }

    @Test
    void the_timestamp_only_username_for_kurento_allocates_too() {
        var credentials = new TurnRestCredentials(new TurnSecret(SECRET), Duration.ofHours(6), NOW).issueTimestampOnly();

        Outcome outcome = allocate(Transport.UDP, credentials.username(), credentials.password());

        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(coturn.allocatedFor(credentials.username())).isTrue();
    }

    @Test
    void a_wrong_password_is_refused() {
        IceServer turn = turnEntryFor("pBob");
        // A genuine password, but for another participant's username.
        String someoneElses = turnEntryFor("pEve").credential();

        Outcome outcome = allocate(Transport.UDP, turn.username(), someoneElses);

        assertThat(outcome.allocated()).as(outcome.output()).isFalse();
        assertThat(coturn.allocatedFor(turn.username())).isFalse();
        assertThat(coturn.log()).contains("user <" + turn.username() + ">: incoming packet message processed, error 401");
    }

    @Test
    void an_expired_timestamp_is_refused_even_with_a_correct_hmac() {
        // Issued seven hours ago with a six-hour TTL: expired an hour ago, signed with the right secret.
        TimeSource sevenHoursAgo = () -> Instant.now().minus(Duration.ofHours(7));
        var expired = new TurnRestCredentials(new TurnSecret(SECRET), Duration.ofHours(6), sevenHoursAgo).issue("pCid");
        assertThat(expired.expiresAt()).isBefore(Instant.now());

        Outcome outcome = allocate(Transport.UDP, expired.username(), expired.password());

        assertThat(outcome.allocated()).as(outcome.output()).isFalse();
        assertThat(coturn.allocatedFor(expired.username())).isFalse();
    }

    @Test
    void credentials_signed_with_another_secret_are_refused() {
        var forged = new TurnRestCredentials(new TurnSecret(SECRET + "-not"), Duration.ofHours(6), NOW).issue("pDan");

        Outcome outcome = allocate(Transport.UDP, forged.username(), forged.password());

        assertThat(outcome.allocated()).as(outcome.output()).isFalse();
        assertThat(coturn.allocatedFor(forged.username())).isFalse();
        assertThat(coturn.log()).contains("user <" + forged.username() + ">: incoming packet message processed, error 401");
    }
}
