package com.chatforyou.adapter.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.chatforyou.domain.model.IceServer;
import com.chatforyou.domain.model.IceServerGrant;
import com.chatforyou.domain.model.ParticipantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TurnRestIceServerProviderTest {
    private static final Instant FOUR_AM = Instant.parse("2026-11-30T04:00:00Z");
    private static final List<String> TURN_URLS = List.of("turn:turn.example.org:3478?transport=udp",
            "turn:turn.example.org:3478?transport=tcp", "turns:turn.example.org:5349?transport=tcp");

    private final TurnRestCredentials credentials =
            new TurnRestCredentials(new TurnSecret("north-wind-7c1e"), Duration.ofHours(6), () -> FOUR_AM);

    @Test
    void each_participant_gets_credentials_of_their_own_for_every_turn_uri_and_the_expiry() {
        var provider = new TurnRestIceServerProvider(List.of("stun:stun.example.org:3478"), TURN_URLS, credentials);

        IceServerGrant grant = provider.iceServersFor(new ParticipantId("p3f9a2"));

        // Password from openssl; see TurnRestCredentialsTest.
        assertThat(grant.servers()).containsExactly(
                new IceServer(List.of("stun:stun.example.org:3478"), null, null),
                new IceServer(TURN_URLS, "1796032800:p3f9a2", "1AHODvxe+vQKvKF/B2oTX9JDA+M="));
        assertThat(grant.expiresAt()).contains(Instant.parse("2026-11-30T10:00:00Z"));
        assertThat(provider.iceServersFor(new ParticipantId("pBob")).servers().get(1).username())
                .isEqualTo("1796032800:pBob");
    }

    @Test
    void without_stun_only_the_turn_entry_is_served() {
        var provider = new TurnRestIceServerProvider(List.of(), TURN_URLS, credentials);

        assertThat(provider.iceServersFor(new ParticipantId("p1")).servers()).singleElement()
                .extracting(IceServer::urls).isEqualTo(TURN_URLS);
    }

    @Test
    void refuses_to_run_without_turn_uris() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TurnRestIceServerProvider(List.of(), List.of(), credentials))
                .withMessageContaining("chatforyou.turn.urls");
    }
}
