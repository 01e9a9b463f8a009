package com.chatforyou.boot;

import com.chatforyou.adapter.signaling.SignalingWebSocketHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.support.AbstractSubscribableChannel;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.DelegatingWebSocketMessageBrokerConfiguration;

/**
 * What {@code @EnableWebSocketMessageBroker} imports, with the signaling adapter's WebSocket handler,
 * whose sessions deliver a STOMP ERROR frame before the close that follows it.
 */
@Configuration(proxyBeanMethods = false)
class StompBrokerConfiguration extends DelegatingWebSocketMessageBrokerConfiguration {

    @Override
    @Bean
    public WebSocketHandler subProtocolWebSocketHandler(AbstractSubscribableChannel clientInboundChannel,
                                                        AbstractSubscribableChannel clientOutboundChannel) {
        SignalingWebSocketHandler handler = new SignalingWebSocketHandler(clientInboundChannel, clientOutboundChannel);
        handler.setPhase(getPhase());
        return handler;
    }
}
