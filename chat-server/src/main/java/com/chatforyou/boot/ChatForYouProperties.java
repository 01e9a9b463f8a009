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

    /** {@code backend} is {@code mesh} (default), {@code kurento} or {@code janus}; see docs/media-backends.md. */
    public record Media(@DefaultValue("mesh") String backend, @DefaultValue Kurento kurento, @DefaultValue Janus janus) {
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

    /**
     * The Janus server. Without {@code url}, the {@code JANUS_URL} environment variable is used, then
     * {@code ws://127.0.0.1:8188/}. {@code apiSecret} is Janus' api_secret, {@code roomAdminKey} the
     * videoroom plugin's admin_key; {@code adminUrl} and {@code adminSecret} reach the Admin API, whose
     * count of sessions, handles and rooms health shows, refreshed every {@code censusInterval}.
     */
    public record Janus(
            String url,
            String apiSecret,
            String roomAdminKey,
            String adminUrl,
            String adminSecret,
            @DefaultValue("3s") Duration connectTimeout,
            @DefaultValue("5s") Duration requestTimeout,
            @DefaultValue("8s") Duration operationTimeout,
            @DefaultValue("15s") Duration keepaliveInterval,
            @DefaultValue("1s") Duration firstRetryDelay,
            @DefaultValue("15s") Duration maxRetryDelay,
            @DefaultValue("30s") Duration censusInterval) {

        @Override
        public String toString() {
            return "Janus[url=" + url + ", adminUrl=" + adminUrl + "]"; // never the secrets
        }
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
