package com.chatforyou.domain.model;

import static com.chatforyou.domain.fixtures.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostRulesTest {

    private static final Instant NOON = Instant.parse("2026-11-28T12:00:00Z");

    private static Participant as(String name, Role role, int minutesIn) {
        return new Participant(new ParticipantId("p-" + name), new DisplayName(name), MediaCapabilities.AUDIO_VIDEO,
                MediaState.UNMUTED, new ConnectionId("c-" + name), NOON.plusSeconds(60L * minutesIn), role, false);
    }

    private final Participant host = as("Ann", Role.HOST, 0);
    private final Participant coHost = as("Bob", Role.CO_HOST, 1);
    private final Participant otherCoHost = as("Cid", Role.CO_HOST, 2);
    private final Participant guest = as("Dee", Role.PARTICIPANT, 3);

    @Test
    void only_hosts_moderate() {
        assertThat(refusalOf(() -> HostRules.onlyHostsModerate(guest))).isEqualTo(ErrorCode.NOT_HOST);
        assertThatNoException().isThrownBy(() -> HostRules.onlyHostsModerate(coHost));
        assertThatNoException().isThrownBy(() -> HostRules.onlyHostsModerate(host));
    }

    @Test
    void hosts_act_on_those_they_outrank() {
        assertThatNoException().isThrownBy(() -> HostRules.hostsActOnThoseTheyOutrank(host, coHost));
        assertThatNoException().isThrownBy(() -> HostRules.hostsActOnThoseTheyOutrank(coHost, guest));
        assertThat(refusalOf(() -> HostRules.hostsActOnThoseTheyOutrank(coHost, host))).isEqualTo(ErrorCode.OUTRANKED);
        assertThat(refusalOf(() -> HostRules.hostsActOnThoseTheyOutrank(coHost, otherCoHost)))
                .isEqualTo(ErrorCode.OUTRANKED);
        assertThat(refusalOf(() -> HostRules.hostsActOnThoseTheyOutrank(host, host))).isEqualTo(ErrorCode.OUTRANKED);
        assertThat(refusalOf(() -> HostRules.hostsActOnThoseTheyOutrank(guest, guest))).isEqualTo(ErrorCode.NOT_HOST);
    }

    @Test
    void only_the_host_assigns_roles() {
        assertThatNoException().isThrownBy(() -> HostRules.onlyTheHostAssignsRoles(host, guest));
        assertThat(refusalOf(() -> HostRules.onlyTheHostAssignsRoles(coHost, guest))).isEqualTo(ErrorCode.OUTRANKED);
        assertThat(refusalOf(() -> HostRules.onlyTheHostAssignsRoles(guest, guest))).isEqualTo(ErrorCode.NOT_HOST);
    }

    @Test
    void a_co_host_takes_over_first_then_the_longest_present_unless_handover_is_none() {
        Participant early = as("Eve", Role.PARTICIPANT, -5);

        assertThat(HostHandover.LONGEST_PRESENT.successor(List.of(guest, early, otherCoHost, coHost)))
                .contains(coHost);
        assertThat(HostHandover.LONGEST_PRESENT.successor(List.of(guest, early))).contains(early);
        assertThat(HostHandover.NONE.successor(List.of(guest, early))).isEmpty();
        assertThat(HostHandover.NONE.successor(List.of(guest, coHost))).contains(coHost);
        assertThat(HostHandover.LONGEST_PRESENT.successor(List.of())).isEmpty();
    }

    @Test
    void roles_and_kinds_of_media_have_wire_names_and_nothing_else_parses() {
        assertThat(Role.fromWire("co-host")).isEqualTo(Role.CO_HOST);
        assertThat(refusalOf(() -> Role.fromWire("admin"))).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
        assertThat(StoppedMedia.fromWire("screen")).isEqualTo(StoppedMedia.SCREEN_SHARE);
        assertThat(refusalOf(() -> StoppedMedia.fromWire(null))).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
        assertThat(refusalOf(() -> new ClientToken("short"))).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
        assertThat(refusalOf(() -> new ClientToken("has spaces in it"))).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
    }
}
