package com.chatforyou.adapter.signaling.limits;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketHandlerDecoratorFactory;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * At most this many WebSocket connections at once, joined or not: each costs memory before it joins a room
 * (docs/operations.md), so connections that never join must not be able to exhaust the heap that the
 * participant cap budgets for. A handshake over the limit gets HTTP 503 and no WebSocket; nothing is
 * allocated for it.
 */
public class ConnectionLimit implements HandshakeInterceptor, WebSocketHandlerDecoratorFactory {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimit.class);

    private final int maxConnections;
    private final AtomicInteger open = new AtomicInteger();

    public ConnectionLimit(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    /** Connections open now. */
    public int open() {
        return open.get();
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        if (open.get() >= maxConnections) {
            LOG.info("Refused a WebSocket handshake: {} connections are open, the limit", maxConnections);
            response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
            return false;
        }
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
    }

    /** Counts connections from established to closed. */
    @Override
    public WebSocketHandler decorate(WebSocketHandler handler) {
        return new WebSocketHandlerDecorator(handler) {
            @Override
            public void afterConnectionEstablished(WebSocketSession session) throws Exception {
                open.incrementAndGet();
                super.afterConnectionEstablished(session);
            }

            @Override
            public void afterConnectionClosed(WebSocketSession session, CloseStatus status) throws Exception {
                open.decrementAndGet();
                super.afterConnectionClosed(session, status);
            }
        };
    }
}
