package com.chatforyou.adapter.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.domain.model.ClientAddress;
import com.chatforyou.domain.model.ConnectionId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.messaging.SessionConnectEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

class RoomCreationByConnectionTest {
    private static final ConnectionPrincipal HOST = new ConnectionPrincipal("c-host", ClientAddress.UNKNOWN,
            new SignedInUser("ann", "users"));
    private static final ConnectionPrincipal GUEST = new ConnectionPrincipal("c-guest");

    private final RoomCreationByConnection signedInOnly = new RoomCreationByConnection(RoomCreationByConnection.Mode.SIGNED_IN);

    private void connect(ConnectionPrincipal user) {
        signedInOnly.onApplicationEvent(new SessionConnectEvent(this, MessageBuilder.withPayload(new byte[0]).build(), user));
    }

    @Test
    void aSignedInConnectionMayCreateRoomsAndAGuestMayNot() {
        connect(HOST);
        connect(GUEST);

        assertThat(signedInOnly.mayCreateRooms(new ConnectionId("c-host"))).isTrue();
        assertThat(signedInOnly.mayCreateRooms(new ConnectionId("c-guest"))).isFalse();
        assertThat(signedInOnly.mayCreateRooms(null)).isFalse();
    }

    @Test
    void aClosedConnectionIsForgotten() {
        connect(HOST);
        signedInOnly.onApplicationEvent(new SessionDisconnectEvent(this,
                MessageBuilder.withPayload(new byte[0]).build(), "s1", CloseStatus.NORMAL, HOST));

        assertThat(signedInOnly.signedInConnections()).isZero();
        assertThat(signedInOnly.mayCreateRooms(new ConnectionId("c-host"))).isFalse();
    }

    @Test
    void withAnyoneEveryConnectionMayCreateRooms() {
        assertThat(new RoomCreationByConnection(RoomCreationByConnection.Mode.ANYONE)
                .mayCreateRooms(new ConnectionId("c-guest"))).isTrue();
        assertThat(Map.of()).isEmpty();
    }
}
