package com.chatforyou.adapter.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.port.in.LeaveRoomUseCase;
import java.security.Principal;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

class ConnectionClosedListenerTest {

    private final LeaveRoomUseCase leaveRoom = mock(LeaveRoomUseCase.class);
    private final ClosedConnections closedConnections = new ClosedConnections();
    private final ConnectionClosedListener listener = new ConnectionClosedListener(leaveRoom, closedConnections);

    @Test
    void aClosedConnectionLosesItsSeatAndIsRemembered() {
        listener.onApplicationEvent(disconnect(new ConnectionPrincipal("c1")));

        verify(leaveRoom).connectionLost(new ConnectionId("c1"));
        assertThat(closedConnections.hasClosed(new ConnectionId("c1"))).isTrue();
        assertThat(closedConnections.hasClosed(new ConnectionId("c2"))).isFalse();
    }

    @Test
    void aConnectionThatNeverCompletedItsHandshakeHasNothingToFree() {
        listener.onApplicationEvent(disconnect(null));

        verify(leaveRoom, never()).connectionLost(any());
    }

    private static SessionDisconnectEvent disconnect(Principal user) {
        var headers = StompHeaderAccessor.create(StompCommand.DISCONNECT);
        var message = MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
        return new SessionDisconnectEvent(new Object(), message, "s1", CloseStatus.NORMAL, user);
    }
}
