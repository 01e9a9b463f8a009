package com.chatforyou.adapter.signaling.limits;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketHandlerDecoratorFactory;

/**
 * Takes WebSocket messages in parts, so the servlet container needs only a small buffer per connection
 * instead of one as large as the largest message: with Tomcat that buffer is allocated for every
 * connection up front, and at the message-size limit it was most of a connection's memory. Spring's STOMP
 * decoder reassembles the parts. This guard keeps the message-size limit the container used to enforce:
 * a message whose parts add up to more than {@code maxMessageBytes} closes the connection with 1009, as
 * before, and nothing of it beyond the limit is kept.
 */
public class PartialMessageGuard implements WebSocketHandlerDecoratorFactory {
    private static final Logger LOG = LoggerFactory.getLogger(PartialMessageGuard.class);
    private static final String RECEIVED = PartialMessageGuard.class.getName() + ".received";

    private final int maxMessageBytes;
    private final int bufferBytes;

    /** {@code bufferBytes}: the container's buffer per connection, the size of the parts. */
    public PartialMessageGuard(int maxMessageBytes, int bufferBytes) {
        this.maxMessageBytes = maxMessageBytes;
        this.bufferBytes = bufferBytes;
    }

    @Override
    public WebSocketHandler decorate(WebSocketHandler handler) {
        return new WebSocketHandlerDecorator(handler) {
            @Override
            public boolean supportsPartialMessages() {
                return true;
            }

            /**
             * Spring's STOMP handler raises each connection's text buffer to 16 KiB + 256 characters (33 KB of
             * heap with Tomcat), for clients that split frames at 16 KiB; with parts any split works, so the
             * small buffer is put back before the container allocates the larger one for the first frame.
             */
            @Override
            public void afterConnectionEstablished(WebSocketSession session) throws Exception {
                super.afterConnectionEstablished(session);
                session.setTextMessageSizeLimit(bufferBytes);
            }

            @Override
            public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
                // The container delivers one connection's messages one at a time, so a plain counter will do.
                Map<String, Object> attributes = session.getAttributes();
                long received = (attributes.get(RECEIVED) instanceof Long sofar ? sofar : 0) + sizeOf(message);
                if (received > maxMessageBytes) {
                    attributes.remove(RECEIVED);
                    LOG.info("Closing connection {}: sent a message over the limit of {} bytes", session.getId(),
                            maxMessageBytes);
                    session.close(CloseStatus.TOO_BIG_TO_PROCESS);
                    return;
                }
                if (message.isLast()) {
                    attributes.remove(RECEIVED);
                } else {
                    attributes.put(RECEIVED, received);
                }
                super.handleMessage(session, message);
            }
        };
    }

    /** In the UTF-8 bytes the STOMP decoder counts, without encoding the text. */
    static long sizeOf(WebSocketMessage<?> message) {
        if (message instanceof TextMessage text) {
            return utf8Length(text.getPayload());
        }
        return message instanceof BinaryMessage binary ? binary.getPayloadLength() : message.getPayloadLength();
    }

    private static long utf8Length(String text) {
        long bytes = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x800) {
                // Three bytes, or a surrogate pair: two chars, four bytes.
                bytes += Character.isSurrogate(c) ? 1 : 2;
            } else if (c >= 0x80) {
                bytes += 1;
            }
        }
        return bytes;
    }
}
