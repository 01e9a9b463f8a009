package com.chatforyou.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IceServerGrantTest {

    private static final Instant ISSUED = Instant.parse("2026-11-28T10:00:00Z");
    private static final List<IceServer> TURN = List.of(new IceServer(List.of("turn:t.example.org"), "u", "p"));

    @Test
    void a_grant_without_expiry_is_never_renewed() {
        assertThat(IceServerGrant.unlimited(TURN).renewalDue(ISSUED)).isEmpty();
    }

    @Test
    void a_grant_is_renewed_after_four_fifths_of_its_lifetime() {
        var grant = IceServerGrant.until(TURN, ISSUED.plus(Duration.ofHours(6)));

        assertThat(grant.renewalDue(ISSUED)).contains(ISSUED.plus(Duration.ofMinutes(288)));
    }

    @Test
    void a_grant_expired_on_issue_is_due_at_once() {
        assertThat(IceServerGrant.until(TURN, ISSUED).renewalDue(ISSUED)).contains(ISSUED);
        assertThat(IceServerGrant.until(TURN, ISSUED.minusSeconds(5)).renewalDue(ISSUED)).contains(ISSUED);
    }

    @Test
    void the_server_list_is_a_copy() {
        var servers = new java.util.ArrayList<>(TURN);
        var grant = IceServerGrant.unlimited(servers);
        servers.clear();

        assertThat(grant.servers()).isEqualTo(TURN);
    }
}
