package com.chatforyou.adapter.signaling.limits;

import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.simp.stomp.StompDecoder;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketHandlerDecoratorFactory;

/**
 * Closes a connection whose WebSocket message is not STOMP at all (unknown command, broken header,
 * wrong content-length) with a one-line log. Spring would close it too, but it logs such a client
 * mistake at ERROR with a stack trace, which would bury real faults.
 */
public class UnparseableFrameGuard implements WebSocketHandlerDecoratorFactory {
    private static final Logger LOG = LoggerFactory.getLogger(UnparseableFrameGuard.class);

    @Override
    public WebSocketHandler decorate(WebSocketHandler handler) {
        return new WebSocketHandlerDecorator(handler) {
            @Override
            public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
                if (message instanceof TextMessage text && !parses(text)) {
                    LOG.info("Closing connection {}: sent a frame that is not STOMP", session.getId());
                    session.close(CloseStatus.PROTOCOL_ERROR);
                    return;
                }
                super.handleMessage(session, message);
            }
        };
    }

    /** A frame split over several WebSocket messages decodes to nothing here and is left to Spring's buffer. */
    private static boolean parses(TextMessage text) {
        try {
            new StompDecoder().decode(ByteBuffer.wrap(text.asBytes()));
            return true;
        } catch (RuntimeException notStomp) {
            return false;
        }
    }
}
