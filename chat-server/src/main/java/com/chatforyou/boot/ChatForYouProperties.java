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
        @DefaultValue Lobby lobby,
        @DefaultValue Hosts hosts) {

    /**
     * {@code maxParticipants}: seats on the whole server; when unset, derived from the maximum heap
     * ({@link ParticipantCapacity}). {@code reloadGrace}: how long the seat of a page that went away
     * (closed or reloading) waits for it.
     */
    public record Rooms(
            @DefaultValue("100") int maxRooms,
            @DefaultValue("60s") Duration abandonedRoomTimeout,
            @DefaultValue("20s") Duration reconnectGrace,
            Integer maxParticipants,
            @DefaultValue("10s") Duration reloadGrace) {
    }

    /** {@code listRooms} false hides the lobby's room list: rooms are reached by their invite links only. */
    public record Lobby(@DefaultValue("true") boolean listRooms) {
    }

    /** {@code backend} is {@code mesh} (default), {@code kurento} or {@code janus}; see docs/media-backends.md. */
    public record Media(@DefaultValue("mesh") String backend, @DefaultValue Kurento kurento, @DefaultValue Janus janus,
                        @DefaultValue Pool pool) {
    }

    /**
     * Several Kurento or Janus servers: {@code placement} names the strategy for new rooms (least-streams,
     * least-rooms, least-participants or least-cpu; a PlacementStrategy bean replaces it), {@code draining}
     * lists servers ({@code host:port}) that take no new rooms from the start. Servers are checked every
     * {@code checkInterval}; one unreachable for {@code failoverAfter} loses its rooms to the others; a
     * room left without media is retried at most {@code maxRetryDelay} apart.
     */
    public record Pool(
            @DefaultValue("least-streams") String placement,
            @DefaultValue List<String> draining,
            @DefaultValue("1s") Duration checkInterval,
            @DefaultValue("3s") Duration failoverAfter,
            @DefaultValue("30s") Duration maxRetryDelay) {
    }

    /**
     * The Kurento Media Servers: {@code urls} (or the {@code KMS_URLS} environment variable, comma-separated)
     * for a pool of them; otherwise {@code url}, then the {@code KMS_URL} environment variable, then
     * {@code ws://localhost:8888/kurento}. Each server's own load (ServerManager) is read every {@code loadInterval}.
     */
    public record Kurento(
            @DefaultValue List<String> urls,
            String url,
            @DefaultValue("3s") Duration connectTimeout,
            @DefaultValue("5s") Duration requestTimeout,
            @DefaultValue("8s") Duration operationTimeout,
            @DefaultValue("1s") Duration firstRetryDelay,
            @DefaultValue("15s") Duration maxRetryDelay,
            @DefaultValue("10s") Duration loadInterval) {
    }

    /**
     * The Janus servers: {@code urls} (or the {@code JANUS_URLS} environment variable, comma-separated) for a
     * pool of them; otherwise {@code url}, then the {@code JANUS_URL} environment variable, then
     * {@code ws://127.0.0.1:8188/}. {@code apiSecret} is Janus' api_secret, {@code roomAdminKey} the
     * videoroom plugin's admin_key, the same on every server; {@code adminUrl} (one server) or
     * {@code adminUrls} (one per server, in the order of {@code urls}) and {@code adminSecret} reach the
     * Admin API, whose count of sessions, handles and rooms health shows, refreshed every {@code censusInterval}.
     */
    public record Janus(
            @DefaultValue List<String> urls,
            String url,
            String apiSecret,
            String roomAdminKey,
            String adminUrl,
            @DefaultValue List<String> adminUrls,
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
            return "Janus[urls=" + urls + ", url=" + url + ", adminUrl=" + adminUrl + "]"; // never the secrets
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
