package com.chatforyou.adapter.signaling.limits;

import com.chatforyou.adapter.signaling.ConnectionPrincipal;
import com.chatforyou.domain.model.ClientAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketHandlerDecoratorFactory;

/**
 * At most {@code limit} open WebSocket connections per client address. One over the limit is closed
 * at once with status 1008 (policy violation) and the reason {@value #REASON}, which the browser can
 * read from the close event; the connections already open are not touched.
 */
public class ConnectionsPerAddress implements WebSocketHandlerDecoratorFactory {
    public static final String REASON = "too-many-connections";
    static final CloseStatus OVER_LIMIT = CloseStatus.POLICY_VIOLATION.withReason(REASON);
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionsPerAddress.class);

    private final int limit;
    private final Map<ClientAddress, Set<String>> open = new ConcurrentHashMap<>();

    public ConnectionsPerAddress(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("at least one connection per address");
        }
        this.limit = limit;
    }

    @Override
    public WebSocketHandler decorate(WebSocketHandler handler) {
        return new WebSocketHandlerDecorator(handler) {
            @Override
            public void afterConnectionEstablished(WebSocketSession session) throws Exception {
                if (!admit(session)) {
                    LOG.info("Closing connection {}: its address already has {} connections", session.getId(), limit);
                    session.close(OVER_LIMIT);
                    return;
                }
                super.afterConnectionEstablished(session);
            }

            @Override
            public void afterConnectionClosed(WebSocketSession session, CloseStatus status) throws Exception {
                boolean wasAdmitted = release(session);
                if (wasAdmitted) {
                    super.afterConnectionClosed(session, status);
                }
            }
        };
    }

    /** Open connections from that address. */
    public int openFrom(ClientAddress client) {
        Set<String> sessions = open.get(client);
        return sessions == null ? 0 : sessions.size();
    }

    /** Addresses with open connections; zero once every connection has closed. */
    public int trackedAddresses() {
        return open.size();
    }

    private boolean admit(WebSocketSession session) {
        ClientAddress client = ConnectionPrincipal.clientOf(session.getPrincipal());
        boolean[] admitted = {false};
        open.compute(client, (key, sessions) -> {
            Set<String> current = sessions == null ? ConcurrentHashMap.newKeySet() : sessions;
            if (current.size() < limit) {
                current.add(session.getId());
                admitted[0] = true;
            }
            return current.isEmpty() ? null : current;
        });
        return admitted[0];
    }

    private boolean release(WebSocketSession session) {
        ClientAddress client = ConnectionPrincipal.clientOf(session.getPrincipal());
        boolean[] removed = {false};
        open.computeIfPresent(client, (key, sessions) -> {
            removed[0] = sessions.remove(session.getId());
            return sessions.isEmpty() ? null : sessions;
        });
        return removed[0];
    }
}
