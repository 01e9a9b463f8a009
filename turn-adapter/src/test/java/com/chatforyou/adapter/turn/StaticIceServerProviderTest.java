package com.chatforyou.adapter.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.chatforyou.domain.model.IceServer;
import com.chatforyou.domain.model.ParticipantId;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaticIceServerProviderTest {

    private final ParticipantId ann = new ParticipantId("ann");

    @Test
    void nothing_configured_means_host_candidates_only() {
        var grant = new StaticIceServerProvider(IceServerSettings.none()).iceServersFor(ann);

        assertThat(grant.servers()).isEmpty();
        assertThat(grant.expiresAt()).isEmpty();
    }

    @Test
    void serves_the_original_turn_properties_and_stun_separately() {
        var settings = new IceServerSettings(List.of("stun:stun.example.org:3478"),
                List.of(" turn:turn.example.org:3478?transport=udp", "turn:turn.example.org:3478?transport=tcp", ""),
                "chat", "secret");

        assertThat(new StaticIceServerProvider(settings).iceServersFor(ann).servers()).containsExactly(
                new IceServer(List.of("stun:stun.example.org:3478"), null, null),
                new IceServer(List.of("turn:turn.example.org:3478?transport=udp",
                        "turn:turn.example.org:3478?transport=tcp"), "chat", "secret"));
    }

    @Test
    void static_credentials_never_expire_so_they_are_never_renewed() {
        var settings = new IceServerSettings(List.of(), List.of("turn:t.example.org"), "chat", "secret");

        assertThat(new StaticIceServerProvider(settings).iceServersFor(ann).expiresAt()).isEmpty();
    }

    @Test
    void the_static_credential_stays_out_of_to_string() {
        var settings = new IceServerSettings(List.of(), List.of("turn:t.example.org"), "chat", "hunter2");

        assertThat(settings.toString()).contains("chat").doesNotContain("hunter2");
    }

    @Test
    void refuses_turn_urls_without_credentials() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new IceServerSettings(List.of(), List.of("turn:t.example.org"), "chat", " "))
                .withMessageContaining("turn.server.credential");
    }

    @Test
    void refuses_urls_with_the_wrong_scheme() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new IceServerSettings(List.of("http://stun.example.org"), List.of(), null, null))
                .withMessageContaining("stun:");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new IceServerSettings(List.of(), List.of("stun:x"), "u", "p"))
                .withMessageContaining("turn:");
    }
}
