package com.chatforyou.adapter.signaling;

import java.util.List;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * The STOMP side of docs/signaling-protocol.md: endpoint, identity per connection, destinations,
 * heart-beats, per-connection ordering and size limits.
 */
public class SignalingEndpointConfigurer implements WebSocketMessageBrokerConfigurer {

    /** Server heart-beat every 2 s, and the client is expected to beat as often. */
    public static final long[] HEARTBEAT_MILLIS = {2000, 2000};
    /**
     * Twice the body limit, so a body between 64 and 128 KiB still reaches the guard and gets a typed
     * {@code frame-too-large} instead of a closed connection.
     */
    public static final int MAX_WEBSOCKET_MESSAGE_BYTES = 2 * InboundFrameGuard.MAX_BODY_BYTES;

    private final TaskScheduler heartbeatScheduler;
    private final List<String> allowedOriginPatterns;
    private final InboundFrameGuard inboundGuard;

    public SignalingEndpointConfigurer(TaskScheduler heartbeatScheduler, List<String> allowedOriginPatterns,
                                       InboundFrameGuard inboundGuard) {
        this.heartbeatScheduler = heartbeatScheduler;
        this.allowedOriginPatterns = List.copyOf(allowedOriginPatterns);
        this.inboundGuard = inboundGuard;
    }

    /** The servlet container's own WebSocket buffers; without this Tomcat refuses messages over 8 KiB. */
    public static ServletServerContainerFactoryBean webSocketContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(MAX_WEBSOCKET_MESSAGE_BYTES);
        container.setMaxBinaryMessageBufferSize(MAX_WEBSOCKET_MESSAGE_BYTES);
        return container;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        registry.addEndpoint(SignalingDestinations.ENDPOINT)
                .setHandshakeHandler(new PerConnectionHandshakeHandler())
                .setAllowedOriginPatterns(allowedOriginPatterns.toArray(String[]::new));
        // A SUBSCRIBE must take effect before the SEND that follows it, and a join before its sdp.
        registry.setPreserveReceiveOrder(true);
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.enableSimpleBroker("/topic", "/queue")
                .setHeartbeatValue(HEARTBEAT_MILLIS.clone())
                .setTaskScheduler(heartbeatScheduler);
        registry.setApplicationDestinationPrefixes(SignalingDestinations.APPLICATION_PREFIX);
        registry.setUserDestinationPrefix(SignalingDestinations.USER_PREFIX);
        // Browsers must see joined before link-open before sdp, as the domain sends them.
        registry.setPreservePublishOrder(true);
    }

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration.setMessageSizeLimit(MAX_WEBSOCKET_MESSAGE_BYTES);
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(inboundGuard);
    }
}
