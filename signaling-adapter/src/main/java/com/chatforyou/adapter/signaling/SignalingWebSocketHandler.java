package com.chatforyou.adapter.signaling;

import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.SubscribableChannel;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.messaging.SubProtocolWebSocketHandler;

/** Spring's STOMP WebSocket handler with sessions that send an ERROR frame before closing ({@link FlushBeforeCloseSession}). */
public class SignalingWebSocketHandler extends SubProtocolWebSocketHandler {

    public SignalingWebSocketHandler(MessageChannel clientInboundChannel, SubscribableChannel clientOutboundChannel) {
        super(clientInboundChannel, clientOutboundChannel);
    }

    @Override
    protected WebSocketSession decorateSession(WebSocketSession session) {
        return new FlushBeforeCloseSession(session, getSendTimeLimit(), getSendBufferSizeLimit());
    }
}
