package com.chatforyou.adapter.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.domain.model.ClientAddress;
import com.chatforyou.domain.model.ConnectionId;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.messaging.SessionConnectEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

class SignedInConnectionsTest {
    private static final ConnectionPrincipal HOST = new ConnectionPrincipal("c-host", ClientAddress.UNKNOWN,
            new SignedInUser("ann", "users"));
    private static final ConnectionPrincipal GUEST = new ConnectionPrincipal("c-guest");

    private final SignedInConnections signedInOnly = new SignedInConnections(SignedInConnections.Mode.SIGNED_IN);

    private void connect(SignedInConnections connections, ConnectionPrincipal user) {
        connections.onApplicationEvent(new SessionConnectEvent(this, MessageBuilder.withPayload(new byte[0]).build(), user));
    }

    @Test
    void aSignedInConnectionMayCreateRoomsAndAGuestMayNot() {
        connect(signedInOnly, HOST);
        connect(signedInOnly, GUEST);

        assertThat(signedInOnly.mayCreateRooms(new ConnectionId("c-host"))).isTrue();
        assertThat(signedInOnly.mayCreateRooms(new ConnectionId("c-guest"))).isFalse();
        assertThat(signedInOnly.mayCreateRooms(null)).isFalse();
    }

    @Test
    void theDomainHearsWhoIsSignedInOnEachConnectionWhateverTheCreationSetting() {
        SignedInConnections anyone = new SignedInConnections(SignedInConnections.Mode.ANYONE);
        connect(anyone, HOST);
        connect(anyone, GUEST);

        assertThat(anyone.signedInUser(new ConnectionId("c-host"))).contains("users:ann");
        assertThat(anyone.signedInUser(new ConnectionId("c-guest"))).isEmpty();
        assertThat(anyone.signedInUser(null)).isEmpty();
    }

    @Test
    void oneNameAtTwoProvidersIsTwoUsers() {
        connect(signedInOnly, new ConnectionPrincipal("c-oidc", ClientAddress.UNKNOWN,
                new SignedInUser("ann", "issuer", "sub-4711")));
        connect(signedInOnly, HOST);

        assertThat(signedInOnly.signedInUser(new ConnectionId("c-oidc"))).contains("issuer:sub-4711");
        assertThat(signedInOnly.signedInUser(new ConnectionId("c-oidc")))
                .isNotEqualTo(signedInOnly.signedInUser(new ConnectionId("c-host")));
    }

    @Test
    void aClosedConnectionIsForgotten() {
        connect(signedInOnly, HOST);
        signedInOnly.onApplicationEvent(new SessionDisconnectEvent(this,
                MessageBuilder.withPayload(new byte[0]).build(), "s1", CloseStatus.NORMAL, HOST));

        assertThat(signedInOnly.signedInConnections()).isZero();
        assertThat(signedInOnly.mayCreateRooms(new ConnectionId("c-host"))).isFalse();
        assertThat(signedInOnly.signedInUser(new ConnectionId("c-host"))).isEmpty();
    }

    @Test
    void withAnyoneEveryConnectionMayCreateRooms() {
        assertThat(new SignedInConnections(SignedInConnections.Mode.ANYONE)
                .mayCreateRooms(new ConnectionId("c-guest"))).isTrue();
    }
}
