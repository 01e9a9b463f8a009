package com.chatforyou.boot;

import com.chatforyou.adapter.media.janus.JanusMediaAdapter;
import com.chatforyou.adapter.signaling.limits.SessionRateLimiter;
import com.chatforyou.domain.port.in.RoomStatisticsQuery;
import com.chatforyou.domain.port.in.RoomStatisticsQuery.RoomStatistics;
import com.chatforyou.domain.port.out.MediaPort;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToIntFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * What the server holds, as gauges under {@code /actuator/metrics}; names are listed in docs/operations.md (Limits and abuse handling). {@code @Lazy} keeps
 * the registry's set-up from pulling in the domain and the broker early.
 */
@Configuration(proxyBeanMethods = false)
class MetricsWiring {

    @Bean
    MeterBinder roomGauges(@Lazy RoomStatisticsQuery statistics) {
        return registry -> {
            gauge(registry, "chatforyou.rooms.live", "Rooms that exist, empty or not", statistics,
                    RoomStatistics::liveRooms);
            gauge(registry, "chatforyou.participants.seated", "Seats taken, including seats kept for a reconnect",
                    statistics, RoomStatistics::seatedParticipants);
            gauge(registry, "chatforyou.media.links", "Media links open in all rooms", statistics,
                    RoomStatistics::mediaLinks);
            gauge(registry, "chatforyou.seats.awaiting.reconnect",
                    "Seats of lost connections, each waiting for a resume or its timed release", statistics,
                    RoomStatistics::seatsAwaitingReconnect);
        };
    }

    /** Janus sessions and handles the app holds; zero handles once every room has closed. */
    @Bean
    MeterBinder janusGauges(MediaPort media) {
        return registry -> {
            if (media instanceof JanusMediaAdapter janus) {
                Gauge.builder("chatforyou.janus.sessions", janus, JanusMediaAdapter::liveSessions)
                        .description("Janus sessions the app holds: 1 while connected").register(registry);
                Gauge.builder("chatforyou.janus.handles", janus, JanusMediaAdapter::liveHandles)
                        .description("Janus handles the app holds: one per media link, plus one for room requests")
                        .register(registry);
            }
        };
    }

    @Bean
    MeterBinder signalingGauges(@Lazy SessionRateLimiter rateLimiter) {
        return registry -> Gauge.builder("chatforyou.signaling.rate.limited.connections", rateLimiter,
                        SessionRateLimiter::trackedSessions)
                .description("Connections with rate-limit state; zero once every connection has closed")
                .register(registry);
    }

    private static void gauge(io.micrometer.core.instrument.MeterRegistry registry, String name, String description,
                              RoomStatisticsQuery statistics, ToIntFunction<RoomStatistics> count) {
        Gauge.builder(name, statistics, query -> count.applyAsInt(query.roomStatistics()))
                .description(description)
                .register(registry);
    }
}
