package com.chatforyou.boot;

import java.util.Map;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes Tomcat accept as many connections as the app's own WebSocket cap plus room for page loads, probes and
 * the handshakes that cap refuses, so a client over the cap gets the cap's HTTP 503 rather than waiting unseen
 * in Tomcat's accept queue (Tomcat's default is 8,192 connections, whatever the heap holds). It sets
 * {@code server.tomcat.max-connections} as a default of the lowest precedence, so a configured value wins.
 * Runs before {@link StartupLine}, which reports it. Registered in META-INF/spring.factories.
 */
class TomcatConnectionLimit implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {
    static final String PROPERTY = "server.tomcat.max-connections";
    static final String SOURCE = "chatforyouTomcatConnectionLimit";
    /** Plain HTTP connections beside the WebSockets: at least this many, else an eighth of the cap. */
    static final int MIN_HEADROOM = 128;

    /** Tomcat's connections for a WebSocket cap: an eighth more, at least {@value #MIN_HEADROOM} more. */
    static int forWebSocketCap(int webSocketCap) {
        return (int) Math.min(Integer.MAX_VALUE, webSocketCap + Math.max(MIN_HEADROOM, webSocketCap / 8L));
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        if (Binder.get(environment).bind(PROPERTY, Integer.class).isBound()) {
            return;
        }
        int webSocketCap;
        try {
            webSocketCap = SignalingWiring.webSocketLimits(environment).maxConnections();
        } catch (RuntimeException unusable) {
            return; // The bean that binds these settings reports the failure.
        }
        environment.getPropertySources().addLast(
                new MapPropertySource(SOURCE, Map.of(PROPERTY, forWebSocketCap(webSocketCap))));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 1;
    }
}
