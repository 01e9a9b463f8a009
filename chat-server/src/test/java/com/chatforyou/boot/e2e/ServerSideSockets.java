package com.chatforyou.boot.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

/** Lets a test kill a signaling WebSocket from the server's side, as a proxy or a restart would. */
@TestConfiguration(proxyBeanMethods = false)
public class ServerSideSockets implements WebSocketMessageBrokerConfigurer {
    private final Deque<WebSocketSession> opened = new ConcurrentLinkedDeque<>();

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration.addDecoratorFactory(this::remembering);
    }

    /** Closes the most recently opened WebSocket that is still open, without a STOMP DISCONNECT. */
    public void closeNewest() {
        opened.removeIf(session -> !session.isOpen());
        WebSocketSession newest = opened.peekLast();
        if (newest == null) {
            throw new IllegalStateException("no open signaling WebSocket");
        }
        try {
            newest.close(CloseStatus.SERVICE_RESTARTED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private WebSocketHandler remembering(WebSocketHandler handler) {
        return new WebSocketHandlerDecorator(handler) {
            @Override
            public void afterConnectionEstablished(WebSocketSession session) throws Exception {
                opened.add(session);
                super.afterConnectionEstablished(session);
            }
        };
    }
}
