package com.chatforyou.adapter.signaling;

import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.port.in.LeaveRoomUseCase;
import java.security.Principal;
import org.springframework.context.ApplicationListener;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Frees the seat of a connection that closed: the tab was closed, the network dropped, or heart-beats
 * stopped. Others then see the participant leave with reason "disconnected".
 */
public class ConnectionClosedListener implements ApplicationListener<SessionDisconnectEvent> {

    private final LeaveRoomUseCase leaveRoom;
    private final ClosedConnections closedConnections;

    public ConnectionClosedListener(LeaveRoomUseCase leaveRoom, ClosedConnections closedConnections) {
        this.leaveRoom = leaveRoom;
        this.closedConnections = closedConnections;
    }

    @Override
    public void onApplicationEvent(SessionDisconnectEvent event) {
        Principal user = event.getUser();
        if (user != null) {
            ConnectionId connection = ConnectionPrincipal.connectionOf(user);
            // Marked first: a join still queued for this connection then sees the close and undoes itself.
            closedConnections.markClosed(connection);
            leaveRoom.connectionLost(connection);
        }
    }
}
