package com.chatforyou.adapter.signaling;

import com.chatforyou.adapter.signaling.limits.ConnectionLimit;
import com.chatforyou.adapter.signaling.limits.ConnectionsPerAddress;
import com.chatforyou.adapter.signaling.limits.PartialMessageGuard;
import com.chatforyou.adapter.signaling.limits.UnparseableFrameGuard;
import com.chatforyou.adapter.signaling.limits.WebSocketLimits;
import java.util.List;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * The STOMP side of docs/signaling-protocol.md: endpoint, identity per connection, destinations,
 * heart-beats, per-connection ordering, size limits and the limit on open connections.
 */
public class SignalingEndpointConfigurer implements WebSocketMessageBrokerConfigurer {

    /** Server heart-beat every 2 s, and the client is expected to beat as often. */
    public static final long[] HEARTBEAT_MILLIS = {2000, 2000};
    private final TaskScheduler heartbeatScheduler;
    private final List<String> allowedOriginPatterns;
    private final WebSocketLimits limits;
    private final ConnectionLimit connectionLimit;
    private final List<ChannelInterceptor> inboundInterceptors;
    private final PerConnectionHandshakeHandler handshakeHandler;
    private final ConnectionsPerAddress connectionsPerAddress;

    /**
     * @param allowedOriginPatterns origins other than the server's own that may open the WebSocket; empty
     *                              means same-origin only (a request without an Origin header, as from a
     *                              non-browser client, is accepted)
     * @param inboundInterceptors   run in this order on every inbound frame
     * @param handshakeHandler      gives each connection its identity, address and signed-in user
     * @param connectionsPerAddress the per-address connection limit
     */
    public SignalingEndpointConfigurer(TaskScheduler heartbeatScheduler, List<String> allowedOriginPatterns,
                                       WebSocketLimits limits, List<ChannelInterceptor> inboundInterceptors,
                                       PerConnectionHandshakeHandler handshakeHandler,
                                       ConnectionsPerAddress connectionsPerAddress) {
        this.handshakeHandler = handshakeHandler;
        this.connectionsPerAddress = connectionsPerAddress;
        this.heartbeatScheduler = heartbeatScheduler;
        this.allowedOriginPatterns = allowedOriginPatterns.stream().filter(pattern -> !pattern.isBlank()).toList();
        this.limits = limits;
        this.connectionLimit = new ConnectionLimit(limits.maxConnections());
        this.inboundInterceptors = List.copyOf(inboundInterceptors);
    }

    /**
     * The servlet container's own WebSocket buffers, which Tomcat allocates for every connection up front.
     * They are small (the configured buffer size, 2 KiB by default): a larger message arrives in parts, which
     * Spring's STOMP decoder reassembles, and {@link PartialMessageGuard} keeps the message-size limit. A
     * body between 64 KiB and the message-size limit still reaches {@link InboundFrameGuard} and gets a typed
     * {@code frame-too-large} instead of a closed connection.
     */
    public static ServletServerContainerFactoryBean webSocketContainer(WebSocketLimits limits) {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(limits.containerBufferSize());
        container.setMaxBinaryMessageBufferSize(limits.containerBufferSize());
        return container;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        registry.addEndpoint(SignalingDestinations.ENDPOINT)
                .setHandshakeHandler(handshakeHandler)
                .addInterceptors(connectionLimit)
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
        registration.setMessageSizeLimit(limits.messageSizeBytes());
        // A client that stops reading is cut off instead of piling up messages or holding a sending thread.
        registration.setSendTimeLimit(Math.toIntExact(limits.sendTimeLimit().toMillis()));
        registration.setSendBufferSizeLimit(limits.sendBufferSizeBytes());
        // Each factory wraps the previous one: the address limit runs before the inner ones, and only the
        // partial-message guard is outside it, so the container sees that parts are accepted.
        registration.addDecoratorFactory(connectionLimit);
        registration.addDecoratorFactory(new UnparseableFrameGuard(limits.messageSizeBytes()));
        registration.addDecoratorFactory(connectionsPerAddress);
        if (limits.partialMessages()) {
            registration.addDecoratorFactory(new PartialMessageGuard(limits.messageSizeBytes(),
                    limits.containerBufferSize()));
        }
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(inboundInterceptors.toArray(ChannelInterceptor[]::new));
    }
}
