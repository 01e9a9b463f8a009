package com.chatforyou.adapter.signaling;

import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.port.out.RoomCreationPolicyPort;
import com.chatforyou.domain.port.out.SignedInUserPort;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationListener;
import org.springframework.web.socket.messaging.AbstractSubProtocolEvent;
import org.springframework.web.socket.messaging.SessionConnectEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Who is signed in on each open connection: the one record the domain asks, both for who may create
 * rooms ({@code chatforyou.security.room-creation}: anyone, or only signed-in connections) and for who
 * a creator is (a signed-in creator hosts the room from any of their connections). Connections are
 * noted at STOMP CONNECT, which Spring publishes before it passes on any of that connection's
 * messages, and forgotten when they close.
 */
public class SignedInConnections implements RoomCreationPolicyPort, SignedInUserPort,
        ApplicationListener<AbstractSubProtocolEvent> {

    /** The two values of {@code chatforyou.security.room-creation}. */
    public enum Mode { ANYONE, SIGNED_IN }

    private final Mode mode;
    private final Map<ConnectionId, SignedInUser> signedIn = new ConcurrentHashMap<>();

    public SignedInConnections(Mode mode) {
        this.mode = mode;
    }

    public Mode mode() {
        return mode;
    }

    @Override
    public boolean mayCreateRooms(ConnectionId connection) {
        return mode == Mode.ANYONE || (connection != null && signedIn.containsKey(connection));
    }

    /** The signed-in user's {@link SignedInUser#identity()}, whatever the room creation setting. */
    @Override
    public Optional<String> signedInUser(ConnectionId connection) {
        return connection == null ? Optional.empty()
                : Optional.ofNullable(signedIn.get(connection)).map(SignedInUser::identity);
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
