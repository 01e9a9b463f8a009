package com.chatforyou.adapter.signaling;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * Spring's concurrent session decorator, except that the close after a STOMP ERROR frame waits for
 * that frame. StompSubProtocolHandler closes with {@link CloseStatus#PROTOCOL_ERROR} right after
 * handing the frame over; while another thread is still sending to the same client, the frame is
 * only buffered, and Spring's close discards the buffer, so the client saw the close but never the
 * reason (a {@code rate-limited} closing, say). Such a close is left to the thread that empties the
 * buffer; nothing handed over after it is sent. Every other close (a client too slow to read, whose
 * buffer may never empty) happens at once, as before.
 */
public class FlushBeforeCloseSession extends ConcurrentWebSocketSessionDecorator {
    private final AtomicReference<CloseStatus> closeWhenFlushed = new AtomicReference<>();

    public FlushBeforeCloseSession(WebSocketSession delegate, int sendTimeLimit, int bufferSizeLimit) {
        super(delegate, sendTimeLimit, bufferSizeLimit);
    }

    @Override
    public void sendMessage(WebSocketMessage<?> message) throws IOException {
        try {
            if (closeWhenFlushed.get() == null) {
                super.sendMessage(message);
            }
        } finally {
            closeIfFlushed();
        }
    }

    @Override
    public void close(CloseStatus status) throws IOException {
        if (!CloseStatus.PROTOCOL_ERROR.equals(status)) {
            super.close(status);
            return;
        }
        closeWhenFlushed.compareAndSet(null, status);
        closeIfFlushed();
    }

    private void closeIfFlushed() throws IOException {
        CloseStatus status = closeWhenFlushed.get();
        // The buffer holds what no thread has started to send; a send already started finishes first,
        // as the container writes the close frame only after the frame it is writing.
        if (status != null && getBufferSize() == 0) {
            super.close(status);
        }
    }
}
