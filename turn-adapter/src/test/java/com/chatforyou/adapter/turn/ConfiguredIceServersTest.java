package com.chatforyou.adapter.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.chatforyou.domain.model.IceServer;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.port.out.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Choosing the mode from the properties, and keeping the original app's TURN properties working. */
class ConfiguredIceServersTest {
    private static final TimeSource CLOCK = () -> Instant.parse("2026-11-30T04:00:00Z");
    private static final ParticipantId ANN = new ParticipantId("pAnn");
    private static final List<String> STUN = List.of("stun:stun.example.org:3478");
    private static final List<String> LEGACY_TURN = List.of("turn:turn.example.org:3478");
    private static final List<String> REST_TURN = List.of("turn:turn.example.org:3478?transport=udp",
            "turns:turn.example.org:5349?transport=tcp");
    private static final String SECRET = "0123456789abcdef0123456789abcdef-north";

    private static TurnConfiguration config(String mode, List<String> stun, List<String> legacyUrls, String user,
                                            String credential, List<String> restUrls, String secret, Duration ttl) {
        return new TurnConfiguration(mode, stun, legacyUrls, user, credential, restUrls, secret, ttl);
    }

    private static TurnConfiguration rest(String mode, List<String> stun, String secret, Duration ttl) {
        return config(mode, stun, List.of(), null, null, REST_TURN, secret, ttl);
    }

    private static ConfiguredIceServers configure(TurnConfiguration config) {
        return ConfiguredIceServers.from(config, CLOCK);
    }

    @Test
    void nothing_configured_is_mode_none_with_host_candidates_only() {
        var ice = configure(TurnConfiguration.none());

        assertThat(ice.mode()).isEqualTo(TurnMode.NONE);
        assertThat(ice.provider().iceServersFor(ANN).servers()).isEmpty();
        assertThat(ice.ttl()).isEmpty();
        assertThat(ice.warnings()).isEmpty();
    }

    @Test
    void the_original_turn_properties_without_a_mode_still_work_as_static_with_a_warning() {
        var ice = configure(config(null, List.of(), LEGACY_TURN, "chat", "pw", List.of(), null, null));

        assertThat(ice.mode()).isEqualTo(TurnMode.STATIC);
        assertThat(ice.provider().iceServersFor(ANN).servers())
                .containsExactly(new IceServer(LEGACY_TURN, "chat", "pw"));
        assertThat(ice.provider().iceServersFor(ANN).expiresAt()).isEmpty();
        assertThat(ice.warnings()).singleElement().asString().contains("same TURN username and password")
                .contains("chatforyou.turn.mode=rest").doesNotContain("pw");
    }

    @Test
    void explicit_static_mode_serves_stun_and_the_original_turn_server() {
        var ice = configure(config("static", STUN, LEGACY_TURN, "chat", "pw", List.of(), null, null));

        assertThat(ice.provider().iceServersFor(ANN).servers()).containsExactly(
                new IceServer(STUN, null, null), new IceServer(LEGACY_TURN, "chat", "pw"));
        assertThat(ice.warnings()).hasSize(1);
    }

    @Test
    void static_mode_without_the_original_properties_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> configure(config("static", STUN, List.of(), null, null,
                List.of(), null, null))).withMessageContaining("turn.server.urls");
        assertThatIllegalArgumentException().isThrownBy(() -> configure(config("static", STUN, LEGACY_TURN, "chat", null,
                List.of(), null, null))).withMessageContaining("turn.server.credential");
    }

    @Test
    void stun_urls_alone_mean_stun_mode() {
        var ice = configure(config(null, STUN, List.of(), null, null, List.of(), null, null));

        assertThat(ice.mode()).isEqualTo(TurnMode.STUN);
        assertThat(ice.provider().iceServersFor(ANN).servers()).containsExactly(new IceServer(STUN, null, null));
        assertThat(configure(config("STUN", STUN, List.of(), null, null, List.of(), null, null)).mode())
                .isEqualTo(TurnMode.STUN);
    }

    @Test
    void stun_mode_without_stun_urls_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> configure(config("stun", List.of(), List.of(), null, null,
                List.of(), null, null))).withMessageContaining("chatforyou.ice.stun-urls");
    }

    @Test
    void rest_mode_issues_expiring_per_participant_credentials_with_the_default_ttl_of_six_hours() {
        var ice = configure(rest("rest", STUN, SECRET, null));

        var grant = ice.provider().iceServersFor(ANN);
        assertThat(ice.mode()).isEqualTo(TurnMode.REST);
        assertThat(ice.ttl()).contains(Duration.ofHours(6));
        assertThat(grant.expiresAt()).contains(Instant.parse("2026-11-30T10:00:00Z"));
        assertThat(grant.servers()).hasSize(2);
        IceServer turn = grant.servers().get(1);
        assertThat(turn.urls()).isEqualTo(REST_TURN);
        assertThat(turn.username()).isEqualTo("1796032800:pAnn");
        assertThat(turn.credential()).isNotBlank().isNotEqualTo(SECRET).doesNotContain(SECRET);
        assertThat(ice.warnings()).isEmpty();
    }

    @Test
    void rest_urls_without_a_mode_mean_rest_and_the_ttl_is_configurable() {
        var ice = configure(rest(null, List.of(), SECRET, Duration.ofMinutes(30)));

        assertThat(ice.mode()).isEqualTo(TurnMode.REST);
        assertThat(ice.ttl()).contains(Duration.ofMinutes(30));
        assertThat(ice.provider().iceServersFor(ANN).expiresAt()).contains(Instant.parse("2026-11-30T04:30:00Z"));
    }

    @Test
    void rest_mode_needs_a_secret_and_names_both_ways_to_give_it() {
        assertThatIllegalArgumentException().isThrownBy(() -> configure(rest("rest", List.of(), null, null)))
                .withMessageContaining("chatforyou.turn.secret").withMessageContaining("CHATFORYOU_TURN_SECRET");
        assertThatIllegalArgumentException().isThrownBy(() -> configure(rest("rest", List.of(), "  ", null)))
                .withMessageContaining("chatforyou.turn.secret");
    }

    @Test
    void rest_mode_needs_turn_uris_and_refuses_other_schemes() {
        assertThatIllegalArgumentException().isThrownBy(() -> configure(config("rest", List.of(), List.of(), null, null,
                List.of(), SECRET, null))).withMessageContaining("chatforyou.turn.urls");
        assertThatIllegalArgumentException().isThrownBy(() -> configure(config("rest", List.of(), List.of(), null, null,
                List.of("stun:turn.example.org"), SECRET, null))).withMessageContaining("turn:");
    }

    @Test
    void rest_mode_refuses_a_zero_or_negative_ttl() {
        assertThatIllegalArgumentException().isThrownBy(() -> configure(rest("rest", List.of(), SECRET, Duration.ZERO)))
                .withMessageContaining("chatforyou.turn.ttl");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> configure(rest("rest", List.of(), SECRET, Duration.ofHours(-6))))
                .withMessageContaining("chatforyou.turn.ttl");
    }

    @Test
    void rest_mode_refuses_the_original_static_credentials_rather_than_ignoring_them() {
        assertThatIllegalArgumentException().isThrownBy(() -> configure(config("rest", List.of(), LEGACY_TURN, "chat",
                "pw", REST_TURN, SECRET, null))).withMessageContaining("turn.server.*");
    }

    @Test
    void both_the_original_and_the_rest_urls_without_a_mode_is_ambiguous_and_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> configure(config(null, List.of(), LEGACY_TURN, "chat",
                "pw", REST_TURN, SECRET, null))).withMessageContaining("chatforyou.turn.mode");
    }

    @Test
    void a_short_secret_works_but_is_warned_about_without_showing_it() {
        var ice = configure(rest("rest", List.of(), "north-wind-7c1e", null));

        assertThat(ice.warnings()).singleElement().asString().contains("15 characters")
                .doesNotContain("north-wind-7c1e");
    }

    @Test
    void mode_none_refuses_servers_it_would_silently_ignore() {
        assertThatIllegalArgumentException().isThrownBy(() -> configure(config("none", STUN, List.of(), null, null,
                List.of(), null, null))).withMessageContaining("chatforyou.ice.stun-urls");
        assertThatIllegalArgumentException().isThrownBy(() -> configure(config("none", List.of(), LEGACY_TURN, "u",
                "p", List.of(), null, null))).withMessageContaining("turn.server.*");
        assertThatIllegalArgumentException().isThrownBy(() -> configure(rest("none", List.of(), SECRET, null)))
                .withMessageContaining("chatforyou.turn.urls");
    }

    @Test
    void a_secret_outside_rest_mode_is_unused_and_warned_about() {
        var ice = configure(config("stun", STUN, List.of(), null, null, List.of(), SECRET, null));

        assertThat(ice.warnings()).singleElement().asString().contains("unused").doesNotContain(SECRET);
    }

    @Test
    void an_unknown_mode_is_refused_with_the_valid_ones() {
        assertThatIllegalArgumentException().isThrownBy(() -> configure(config("turn", List.of(), List.of(), null, null,
                List.of(), null, null))).withMessageContaining("none, stun, static, rest");
        assertThat(TurnMode.parse(" ")).isEqualTo(Optional.empty());
    }

    @Test
    void the_configuration_can_be_logged_without_its_secrets() {
        var config = config("rest", STUN, LEGACY_TURN, "chat", "hunter2", REST_TURN, SECRET, null);

        assertThat(config.toString()).doesNotContain(SECRET).doesNotContain("hunter2").contains("chat");
    }
}
