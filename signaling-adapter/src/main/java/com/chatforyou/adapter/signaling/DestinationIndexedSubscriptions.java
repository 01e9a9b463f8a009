package com.chatforyou.adapter.signaling;

import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.broker.AbstractSubscriptionRegistry;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The simple broker's subscriptions, indexed by destination. Spring's {@code DefaultSubscriptionRegistry}
 * finds a destination's subscribers in a cache of 1,024 destinations, and on a miss scans every connection's
 * subscriptions. Every connection here has a destination of its own ({@code /user/queue/events} resolves to
 * one per connection), so past 1,024 connections nearly every event was such a scan, and each new
 * connection's first event is one whatever the cache: the cost of an event grew with the number of
 * connections (half of the server's CPU at 2,000 participants; docs/benchmarks.md). Destinations here are
 * exact ({@link InboundFrameGuard} admits only the connection's own event queue and the lobby: no patterns,
 * no selectors), so a destination's subscribers are one map lookup.
 */
public class DestinationIndexedSubscriptions extends AbstractSubscriptionRegistry {
    /** destination → connection (session id) → its subscription ids for that destination */
    private final ConcurrentMap<String, ConcurrentMap<String, Set<String>>> byDestination = new ConcurrentHashMap<>();
    /** connection (session id) → subscription id → destination, to forget a closed connection */
    private final ConcurrentMap<String, ConcurrentMap<String, String>> byConnection = new ConcurrentHashMap<>();

    @Override
    protected void addSubscriptionInternal(String sessionId, String subscriptionId, String destination,
                                           Message<?> message) {
        // A subscription id already in use keeps its first destination, as in Spring's own registry.
        if (byConnection.computeIfAbsent(sessionId, id -> new ConcurrentHashMap<>())
                .putIfAbsent(subscriptionId, destination) != null) {
            return;
        }
        byDestination.compute(destination, (key, connections) -> {
            ConcurrentMap<String, Set<String>> subscribers = connections != null ? connections : new ConcurrentHashMap<>();
            subscribers.computeIfAbsent(sessionId, id -> ConcurrentHashMap.newKeySet()).add(subscriptionId);
            return subscribers;
        });
    }

    @Override
    protected void removeSubscriptionInternal(String sessionId, String subscriptionId, Message<?> message) {
        ConcurrentMap<String, String> subscriptions = byConnection.get(sessionId);
        String destination = subscriptions == null ? null : subscriptions.remove(subscriptionId);
        if (destination != null) {
            forget(destination, sessionId, subscriptionId);
        }
        if (subscriptions != null && subscriptions.isEmpty()) {
            byConnection.remove(sessionId, subscriptions);
        }
    }

    @Override
    public void unregisterAllSubscriptions(String sessionId) {
        ConcurrentMap<String, String> subscriptions = byConnection.remove(sessionId);
        if (subscriptions != null) {
            subscriptions.forEach((subscriptionId, destination) -> forget(destination, sessionId, subscriptionId));
        }
    }

    @Override
    protected MultiValueMap<String, String> findSubscriptionsInternal(String destination, Message<?> message) {
        ConcurrentMap<String, Set<String>> subscribers = byDestination.get(destination);
        LinkedMultiValueMap<String, String> found = new LinkedMultiValueMap<>(subscribers == null ? 0 : subscribers.size());
        if (subscribers != null) {
            subscribers.forEach((sessionId, ids) -> {
                if (!ids.isEmpty()) {
                    found.put(sessionId, new ArrayList<>(ids));
                }
            });
        }
        return found;
    }

    /** Destinations with at least one subscriber; zero once every connection has closed. */
    public int destinations() {
        return byDestination.size();
    }

    /** Connections with at least one subscription. */
    public int connections() {
        return byConnection.size();
    }

    private void forget(String destination, String sessionId, String subscriptionId) {
        byDestination.computeIfPresent(destination, (key, subscribers) -> {
            Set<String> ids = subscribers.get(sessionId);
            if (ids != null) {
                ids.remove(subscriptionId);
                if (ids.isEmpty()) {
                    subscribers.remove(sessionId);
                }
            }
            return subscribers.isEmpty() ? null : subscribers;
        });
    }
}
