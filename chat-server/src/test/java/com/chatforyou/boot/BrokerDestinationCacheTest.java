package com.chatforyou.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.adapter.signaling.SignalingEndpointConfigurer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.simp.broker.DefaultSubscriptionRegistry;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;

/**
 * The running broker's destination cache holds a destination for every connection the server accepts: with
 * Spring's default of 1,024, a server holding more connections scanned every subscription for nearly every
 * event it sent (docs/benchmarks.md, "The ceiling").
 */
class BrokerDestinationCacheTest {

    @Test
    void theBrokersDestinationCacheHoldsEveryConnectionsOwnDestination() {
        try (ConfigurableApplicationContext app = TomcatConnectionLimitTest.start(
                "--chatforyou.limits.websocket.max-connections=20000")) {
            assertThat(cacheLimit(app)).isGreaterThanOrEqualTo(20000)
                    .isEqualTo(SignalingEndpointConfigurer.destinationCacheLimit(20000));
        }
    }

    @Test
    void aSmallServerKeepsAtLeastSpringsDefault() {
        assertThat(SignalingEndpointConfigurer.destinationCacheLimit(10))
                .isEqualTo(DefaultSubscriptionRegistry.DEFAULT_CACHE_LIMIT + 10);
        assertThat(SignalingEndpointConfigurer.destinationCacheLimit(Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
    }

    private static int cacheLimit(ConfigurableApplicationContext app) {
        SimpleBrokerMessageHandler broker = app.getBean(SimpleBrokerMessageHandler.class);
        return ((DefaultSubscriptionRegistry) broker.getSubscriptionRegistry()).getCacheLimit();
    }
}
