package com.chatforyou.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.adapter.signaling.DestinationIndexedSubscriptions;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;

/**
 * The running broker finds subscribers by destination: Spring's default registry scanned every connection's
 * subscriptions for nearly every event once more than 1,024 connections were open (docs/benchmarks.md).
 */
class BrokerSubscriptionsTest {

    @Test
    void theRunningBrokerFindsSubscribersByDestination() {
        try (ConfigurableApplicationContext app = TomcatConnectionLimitTest.start()) {
            assertThat(app.getBean(SimpleBrokerMessageHandler.class).getSubscriptionRegistry())
                    .isInstanceOf(DestinationIndexedSubscriptions.class);
        }
    }
}
