package com.chatforyou.adapter.signaling.limits;

import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.simp.stomp.StompDecoder;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
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
 * mistake at ERROR with a stack trace, which would bury real faults. Of a message that arrives in parts
 * (see {@link PartialMessageGuard}) only the first part is checked: the others continue its frame.
 */
public class UnparseableFrameGuard implements WebSocketHandlerDecoratorFactory {
    private static final Logger LOG = LoggerFactory.getLogger(UnparseableFrameGuard.class);
    private static final String CONTINUING = UnparseableFrameGuard.class.getName() + ".continuing";

    private final int maxMessageBytes;

    /** {@code maxMessageBytes}: a frame that announces a longer body than this is closed as too big. */
    public UnparseableFrameGuard(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public WebSocketHandler decorate(WebSocketHandler handler) {
        return new WebSocketHandlerDecorator(handler) {
            @Override
            public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
                boolean firstPart = session.getAttributes().remove(CONTINUING) == null;
                if (!message.isLast()) {
                    session.getAttributes().put(CONTINUING, Boolean.TRUE);
                }
                if (firstPart && message instanceof TextMessage text) {
                    Verdict verdict = check(text);
                    if (verdict != Verdict.STOMP) {
                        LOG.info("Closing connection {}: {}", session.getId(), verdict == Verdict.NOT_STOMP
                                ? "sent a frame that is not STOMP"
                                : "announced a body over the limit of " + maxMessageBytes + " bytes");
                        session.close(verdict == Verdict.NOT_STOMP ? CloseStatus.PROTOCOL_ERROR
                                : CloseStatus.TOO_BIG_TO_PROCESS);
                        return;
                    }
                }
                super.handleMessage(session, message);
            }
        };
    }

    private enum Verdict { STOMP, NOT_STOMP, TOO_BIG }

    /**
     * A frame split over several WebSocket messages or parts decodes to nothing here and is left to Spring's
     * buffer, unless its headers already announce more than the limit: Spring would refuse it with an ERROR
     * log line and stack trace, as for a frame that is not STOMP.
     */
    private Verdict check(TextMessage text) {
        try {
            MultiValueMap<String, String> headersOfAnIncompleteFrame = new LinkedMultiValueMap<>();
            new StompDecoder().decode(ByteBuffer.wrap(text.asBytes()), headersOfAnIncompleteFrame);
            String contentLength = headersOfAnIncompleteFrame.getFirst(StompHeaderAccessor.STOMP_CONTENT_LENGTH_HEADER);
            return contentLength != null && Long.parseLong(contentLength.trim()) > maxMessageBytes
                    ? Verdict.TOO_BIG : Verdict.STOMP;
        } catch (RuntimeException notStomp) {
            return Verdict.NOT_STOMP;
        }
    }
}
