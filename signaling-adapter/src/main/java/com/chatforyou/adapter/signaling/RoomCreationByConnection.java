package com.chatforyou.adapter.signaling;

import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.port.out.RoomCreationPolicyPort;
import java.security.Principal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationListener;
import org.springframework.web.socket.messaging.AbstractSubProtocolEvent;
import org.springframework.web.socket.messaging.SessionConnectEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Who may create rooms ({@code chatforyou.security.room-creation}): anyone, or only connections whose
 * handshake carried a signed-in session. Connections are noted at STOMP CONNECT, which Spring
 * publishes before it passes on any of that connection's messages, and forgotten when they close.
 */
public class RoomCreationByConnection implements RoomCreationPolicyPort, ApplicationListener<AbstractSubProtocolEvent> {

    /** The two values of {@code chatforyou.security.room-creation}. */
    public enum Mode { ANYONE, SIGNED_IN }

    private final Mode mode;
    private final Map<ConnectionId, SignedInUser> signedIn = new ConcurrentHashMap<>();

    public RoomCreationByConnection(Mode mode) {
        this.mode = mode;
    }

    public Mode mode() {
        return mode;
    }

    @Override
    public boolean mayCreateRooms(ConnectionId connection) {
        return mode == Mode.ANYONE || (connection != null && signedIn.containsKey(connection));
    }

    @Override
    public void onApplicationEvent(AbstractSubProtocolEvent event) {
        Principal user = event.getUser();
        if (!(user instanceof ConnectionPrincipal connection)) {
            return;
        }
        ConnectionId id = ConnectionPrincipal.connectionOf(connection);
        if (event instanceof SessionConnectEvent) {
            connection.signedInUser().ifPresent(account -> signedIn.put(id, account));
        } else if (event instanceof SessionDisconnectEvent) {
            signedIn.remove(id);
        }
    }

    /** Signed-in connections currently open; zero once all have closed. */
    public int signedInConnections() {
        return signedIn.size();
    }
}
