package com.chatforyou.adapter.media.pool;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Where a new room goes: the pool asks for the candidates (healthy servers, not draining) best first
 * and places the room on the first. A room then stays on its server until the server is lost.
 * Implement this to place by other rules (a region, a weight); the built-in ones are below.
 */
@FunctionalInterface
public interface PlacementStrategy {

    /** The candidates, best first; never empty when {@code candidates} is not. */
    List<ServerSnapshot> rank(List<ServerSnapshot> candidates);

    /** The names {@link #named} knows. */
    List<String> NAMES = List.of("least-streams", "least-rooms", "least-participants", "least-cpu");

    /**
     * The default: fewest streams (the larger of the app's count and the server's own), then fewest
     * rooms, then the lowest CPU the server reports. Streams are what an SFU's CPU follows.
     */
    static PlacementStrategy leastStreams() {
        return ordered(Comparator.comparingInt(ServerSnapshot::effectiveStreams)
                .thenComparingInt(ServerSnapshot::rooms).thenComparing(PlacementStrategy::reportedCpu));
    }

    /** Fewest rooms, then fewest streams. */
    static PlacementStrategy leastRooms() {
        return ordered(Comparator.comparingInt(ServerSnapshot::rooms).thenComparingInt(ServerSnapshot::effectiveStreams));
    }

    /** Fewest participants, then fewest streams. */
    static PlacementStrategy leastParticipants() {
        return ordered(Comparator.comparingInt(ServerSnapshot::participants)
                .thenComparingInt(ServerSnapshot::effectiveStreams));
    }

    /** Lowest CPU the server reports (KMS), servers that report none last; then fewest streams. */
    static PlacementStrategy leastCpu() {
        return ordered(Comparator.comparing(PlacementStrategy::reportedCpu)
                .thenComparingInt(ServerSnapshot::effectiveStreams));
    }

    /** One of {@link #NAMES}; an {@link IllegalArgumentException} for any other. */
    static PlacementStrategy named(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "least-streams" -> leastStreams();
            case "least-rooms" -> leastRooms();
            case "least-participants" -> leastParticipants();
            case "least-cpu" -> leastCpu();
            default -> throw new IllegalArgumentException("'" + name + "' is not a placement strategy; use one of "
                    + String.join(", ", NAMES));
        };
    }

    /** Ties keep the configured order of the servers (the sort is stable). */
    private static PlacementStrategy ordered(Comparator<ServerSnapshot> order) {
        return candidates -> candidates.stream().sorted(order).toList();
    }

    private static double reportedCpu(ServerSnapshot server) {
        Double cpu = server.reported().cpuPercent();
        return cpu == null ? Double.MAX_VALUE : cpu;
    }
}
