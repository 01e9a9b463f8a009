package com.chatforyou.boot;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The server's own settings; see docs/operations.md. */
@ConfigurationProperties("chatforyou")
public record ChatForYouProperties(
        @DefaultValue Rooms rooms,
        @DefaultValue Media media,
        @DefaultValue Ice ice,
        @DefaultValue Hosts hosts) {

    public record Rooms(
            @DefaultValue("100") int maxRooms,
            @DefaultValue("60s") Duration abandonedRoomTimeout,
            @DefaultValue("20s") Duration reconnectGrace,
            @DefaultValue("1000") int maxParticipants) {
    }

    /** {@code backend} is {@code mesh} (default) or {@code kurento}; see docs/media-backends.md. */
    public record Media(@DefaultValue("mesh") String backend, @DefaultValue Kurento kurento) {
    }

    /**
     * The Kurento Media Server. Without {@code url}, the {@code KMS_URL} environment variable is used,
     * then {@code ws://localhost:8888/kurento}.
     */
    public record Kurento(
            String url,
            @DefaultValue("3s") Duration connectTimeout,
            @DefaultValue("5s") Duration requestTimeout,
            @DefaultValue("8s") Duration operationTimeout,
            @DefaultValue("1s") Duration firstRetryDelay,
            @DefaultValue("15s") Duration maxRetryDelay) {
    }

    public record Ice(@DefaultValue List<String> stunUrls) {
    }

    /**
     * How rooms are hosted: {@code handover} is {@code longest-present} (when the last host leaves, whoever
     * has been in the room longest hosts it) or {@code none} (the room goes on without a host);
     * {@code removalBan} is how long a removed participant stays out of that room ({@code 0s}: not at all).
     */
    public record Hosts(@DefaultValue("longest-present") String handover, @DefaultValue("10m") Duration removalBan) {
    }
}
