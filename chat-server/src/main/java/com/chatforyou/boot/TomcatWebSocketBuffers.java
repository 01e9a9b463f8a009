package com.chatforyou.boot;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.util.unit.DataSize;

/**
 * Sizes Tomcat's own WebSocket I/O buffers like the message buffer of
 * {@code chatforyou.limits.websocket.buffer-size}. Tomcat gives every connection a read, a write and a text
 * encoding buffer of this size (8 KiB each by default, 24 KiB of heap per connection); larger messages are
 * read and written in several steps. Tomcat reads the size once, from a system property, when its WebSocket
 * classes load, so it is set as soon as the settings are read, before the web server starts. A
 * {@code -Dorg.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE} given to the JVM wins. Registered in
 * META-INF/spring.factories.
 */
class TomcatWebSocketBuffers implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {
    static final String TOMCAT_PROPERTY = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        if (System.getProperty(TOMCAT_PROPERTY) == null) {
            DataSize size = Binder.get(event.getEnvironment())
                    .bind("chatforyou.limits.websocket.buffer-size", DataSize.class)
                    .orElse(LimitsProperties.DEFAULT_BUFFER_SIZE);
            System.setProperty(TOMCAT_PROPERTY, Long.toString(size.toBytes()));
        }
    }
}
