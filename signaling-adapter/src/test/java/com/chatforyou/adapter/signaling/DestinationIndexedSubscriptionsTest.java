package com.chatforyou.adapter.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.broker.DefaultSubscriptionRegistry;
import org.springframework.messaging.simp.broker.SubscriptionRegistry;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MultiValueMap;

class DestinationIndexedSubscriptionsTest {
    private static final String LOBBY = "/topic/lobby";

    private final DestinationIndexedSubscriptions subscriptions = new DestinationIndexedSubscriptions();

    @Test
    void aConnectionsOwnQueueReachesThatConnectionOnlyAndTheLobbyReachesEveryWatcher() {
        twoConnectionsWithTheirQueueAndTheLobby();

        assertThat(subscriptions.findSubscriptions(message(queueOf("s1")))).isEqualTo(Map.of("s1", List.of("sub-0")));
        assertThat(subscriptions.findSubscriptions(message(LOBBY)))
                .isEqualTo(Map.of("s1", List.of("sub-1"), "s2", List.of("sub-1")));
        assertThat(subscriptions.findSubscriptions(message("/topic/nobody"))).isEmpty();
    }

    @Test
    void anUnsubscribeAndClosedConnectionsLeaveNothingBehind() {
        twoConnectionsWithTheirQueueAndTheLobby();

        subscriptions.unregisterSubscription(unsubscribe("s1", "sub-1"));
        assertThat(subscriptions.findSubscriptions(message(LOBBY))).isEqualTo(Map.of("s2", List.of("sub-1")));

        subscriptions.unregisterAllSubscriptions("s2");
        assertThat(subscriptions.findSubscriptions(message(LOBBY))).isEmpty();
        assertThat(subscriptions.destinations()).isEqualTo(1);
        assertThat(subscriptions.connections()).isEqualTo(1);

        subscriptions.unregisterAllSubscriptions("s1");
        assertThat(subscriptions.destinations()).isZero();
        assertThat(subscriptions.connections()).isZero();
    }

    /** s1 and s2 each subscribe to their own queue (sub-0) and to the lobby (sub-1). */
    private void twoConnectionsWithTheirQueueAndTheLobby() {
        subscriptions.registerSubscription(subscribe("s1", "sub-0", queueOf("s1")));
        subscriptions.registerSubscription(subscribe("s1", "sub-1", LOBBY));
        subscriptions.registerSubscription(subscribe("s2", "sub-0", queueOf("s2")));
        subscriptions.registerSubscription(subscribe("s2", "sub-1", LOBBY));
    }

    @Test
    void findsWhatSpringsOwnRegistryFindsForExactDestinations() {
        SubscriptionRegistry spring = new DefaultSubscriptionRegistry();
        List<String> destinations = List.of(LOBBY, queueOf("s0"), queueOf("s1"), queueOf("s2"), "/topic/other");
        Random random = new Random(12);
        // Spring's registry answers a reused subscription id inconsistently (its cache and its sessions
        // disagree), so each SUBSCRIBE here takes a fresh id, as STOMP asks of clients; the reuse is below.
        int nextId = 0;
        for (int step = 0; step < 2_000; step++) {
            String session = "s" + random.nextInt(4);
            Message<?> change = switch (random.nextInt(5)) {
                case 0, 1, 2 -> subscribe(session, "sub-" + nextId++, destinations.get(random.nextInt(destinations.size())));
                case 3 -> unsubscribe(session, "sub-" + random.nextInt(Math.max(1, nextId)));
                default -> null;
            };
            if (change == null) {
                spring.unregisterAllSubscriptions(session);
                subscriptions.unregisterAllSubscriptions(session);
            } else if (SimpMessageHeaderAccessor.getMessageType(change.getHeaders()) == SimpMessageType.SUBSCRIBE) {
                spring.registerSubscription(change);
                subscriptions.registerSubscription(change);
            } else {
                spring.unregisterSubscription(change);
                subscriptions.unregisterSubscription(change);
            }
            for (String destination : destinations) {
                assertThat(asSets(subscriptions.findSubscriptions(message(destination))))
                        .as("step %d, %s", step, destination)
                        .isEqualTo(asSets(spring.findSubscriptions(message(destination))));
            }
        }
    }

    @Test
    void aReusedSubscriptionIdKeepsItsFirstDestination() {
        subscriptions.registerSubscription(subscribe("s1", "sub-0", LOBBY));
        subscriptions.registerSubscription(subscribe("s1", "sub-0", queueOf("s2")));

        assertThat(subscriptions.findSubscriptions(message(LOBBY))).isEqualTo(Map.of("s1", List.of("sub-0")));
        assertThat(subscriptions.findSubscriptions(message(queueOf("s2")))).isEmpty();
    }

    private static Map<String, Set<String>> asSets(MultiValueMap<String, String> found) {
        Map<String, Set<String>> sets = new HashMap<>();
        found.forEach((session, ids) -> sets.put(session, new HashSet<>(ids)));
        return sets;
    }

    private static String queueOf(String session) {
        return "/queue/events-user" + session;
    }

    private static Message<byte[]> subscribe(String session, String subscription, String destination) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.SUBSCRIBE);
        headers.setSessionId(session);
        headers.setSubscriptionId(subscription);
        headers.setDestination(destination);
        return MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
    }

    private static Message<byte[]> unsubscribe(String session, String subscription) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.UNSUBSCRIBE);
        headers.setSessionId(session);
        headers.setSubscriptionId(subscription);
        return MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
    }

    private static Message<byte[]> message(String destination) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setDestination(destination);
        return MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
    }
}
