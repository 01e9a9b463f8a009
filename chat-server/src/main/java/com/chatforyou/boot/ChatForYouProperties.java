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
        @DefaultValue Ice ice) {

    /**
     * {@code maxParticipants}: seats on the whole server; when unset, derived from the maximum heap
     * ({@link ParticipantCapacity}).
     */
    public record Rooms(
            @DefaultValue("100") int maxRooms,
            @DefaultValue("60s") Duration abandonedRoomTimeout,
            @DefaultValue("20s") Duration reconnectGrace,
            Integer maxParticipants) {
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
}
