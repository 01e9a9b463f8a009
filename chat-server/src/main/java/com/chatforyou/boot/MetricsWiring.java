package com.chatforyou.boot;

import com.chatforyou.adapter.media.janus.JanusMediaAdapter;
import com.chatforyou.adapter.media.pool.MediaServerPool;
import com.chatforyou.adapter.media.pool.ServerSnapshot;
import com.chatforyou.adapter.signaling.limits.SessionRateLimiter;
import com.chatforyou.domain.port.in.RoomStatisticsQuery;
import com.chatforyou.domain.port.in.RoomStatisticsQuery.RoomStatistics;
import com.chatforyou.domain.port.out.MediaPort;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.stream.Stream;
import java.util.function.ToDoubleFunction;
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

    /** Janus sessions and handles the app holds on all its Janus servers; zero handles once every room has closed. */
    @Bean
    MeterBinder janusGauges(MediaPort media) {
        return registry -> {
            if (media instanceof MediaServerPool pool && media.backendName().equals("janus")) {
                // The gauge holds its object weakly: the pool (a bean) stays, a list made here would be collected.
                Gauge.builder("chatforyou.janus.sessions", pool,
                                p -> janusServers(p).mapToInt(JanusMediaAdapter::liveSessions).sum())
                        .description("Janus sessions the app holds: 1 per connected Janus server").register(registry);
                Gauge.builder("chatforyou.janus.handles", pool,
                                p -> janusServers(p).mapToInt(JanusMediaAdapter::liveHandles).sum())
                        .description("Janus handles the app holds: one per media link, plus one per server for room requests")
                        .register(registry);
            }
        };
    }

    private static Stream<JanusMediaAdapter> janusServers(MediaServerPool pool) {
        return pool.servers().stream().map(JanusMediaAdapter.class::cast);
    }

    /**
     * Each media server of the pool, tagged {@code server=host:port}: its rooms, participants and streams for
     * this app, whether it is up and whether it drains, and what it reports itself (NaN where it does not).
     */
    @Bean
    MeterBinder mediaServerGauges(MediaPort media) {
        return registry -> {
            if (!(media instanceof MediaServerPool pool)) {
                return;
            }
            for (ServerSnapshot server : pool.snapshot()) {
                String id = server.id();
                serverGauge(registry, pool, id, "rooms", "Rooms placed on this media server", s -> s.rooms());
                serverGauge(registry, pool, id, "participants", "Participants whose media this server carries",
                        s -> s.participants());
                serverGauge(registry, pool, id, "streams", "Media links on this server: each one stream up or down",
                        s -> s.streams());
                serverGauge(registry, pool, id, "up", "1 while the server is connected and answering",
                        s -> s.health().up() ? 1 : 0);
                serverGauge(registry, pool, id, "draining", "1 while the server takes no new rooms", s -> s.draining() ? 1 : 0);
                serverGauge(registry, pool, id, "reported.streams", "Streams by the server's own count (Janus Admin API)",
                        s -> orNaN(s.reported().streams()));
                serverGauge(registry, pool, id, "reported.cpu", "CPU use in percent by the server's own count (KMS)",
                        s -> orNaN(s.reported().cpuPercent()));
                serverGauge(registry, pool, id, "reported.memory", "Memory use in KiB by the server's own count (KMS)",
                        s -> orNaN(s.reported().usedMemoryKib()));
            }
        };
    }

    private static void serverGauge(MeterRegistry registry, MediaServerPool pool, String id, String name,
                                    String description, ToDoubleFunction<ServerSnapshot> value) {
        Gauge.builder("chatforyou.media.server." + name, pool,
                        p -> p.snapshot(id).map(value::applyAsDouble).orElse(Double.NaN))
                .tag("server", id).description(description).register(registry);
    }

    private static double orNaN(Number number) {
        return number == null ? Double.NaN : number.doubleValue();
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
