package com.chatforyou.adapter.media.janus;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where one Janus server is, how the app proves itself to it, and how long to wait for it.
 *
 * @param url              the WebSocket transport of the Janus API, such as {@code ws://127.0.0.1:8188/}
 * @param apiSecret        Janus' {@code api_secret}, sent with every request; null when Janus has none
 * @param roomAdminKey     the videoroom plugin's {@code admin_key}, needed to create rooms; null when unset
 * @param adminUrl         the Admin API's WebSocket, for leak checks; null when not used
 * @param adminSecret      the Admin API's {@code admin_secret}; null when not used
 * @param connectTimeout   bound for one connection attempt (TCP, WebSocket handshake, session creation)
 * @param requestTimeout   bound for one request to Janus, from sending it to its final reply
 * @param operationTimeout bound for one call from the domain (a join may take several requests)
 * @param keepaliveInterval how often the session is kept alive; well below Janus' session_timeout
 * @param firstRetryDelay  wait before reconnecting after a failed attempt; doubles up to the maximum
 * @param maxRetryDelay    longest wait between connection attempts
 */
public record JanusSettings(URI url, String apiSecret, String roomAdminKey, URI adminUrl, String adminSecret,
                            Duration connectTimeout, Duration requestTimeout, Duration operationTimeout,
                            Duration keepaliveInterval, Duration firstRetryDelay, Duration maxRetryDelay) {

    public static final String DEFAULT_URL = "ws://127.0.0.1:8188/";

    public JanusSettings {
        requireWebSocketUrl(Objects.requireNonNull(url, "url"), "Janus URL");
        if (adminUrl != null) {
            requireWebSocketUrl(adminUrl, "Janus Admin API URL");
        }
        apiSecret = blankToNull(apiSecret);
        roomAdminKey = blankToNull(roomAdminKey);
        adminSecret = blankToNull(adminSecret);
        for (Duration duration : new Duration[] {connectTimeout, requestTimeout, operationTimeout, keepaliveInterval,
                firstRetryDelay, maxRetryDelay}) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("Janus timeouts and delays must be positive");
            }
        }
        if (maxRetryDelay.compareTo(firstRetryDelay) < 0) {
            throw new IllegalArgumentException("maxRetryDelay must not be shorter than firstRetryDelay");
        }
    }

    /** Bounds that keep a join well under ten seconds even when Janus hangs. */
    public static JanusSettings defaults(String url) {
        return new JanusSettings(URI.create(url), null, null, null, null, Duration.ofSeconds(3), Duration.ofSeconds(5),
                Duration.ofSeconds(8), Duration.ofSeconds(15), Duration.ofSeconds(1), Duration.ofSeconds(15));
    }

    public JanusSettings withSecrets(String newApiSecret, String newRoomAdminKey) {
        return new JanusSettings(url, newApiSecret, newRoomAdminKey, adminUrl, adminSecret, connectTimeout,
                requestTimeout, operationTimeout, keepaliveInterval, firstRetryDelay, maxRetryDelay);
    }

    public JanusSettings withAdmin(URI newAdminUrl, String newAdminSecret) {
        return new JanusSettings(url, apiSecret, roomAdminKey, newAdminUrl, newAdminSecret, connectTimeout,
                requestTimeout, operationTimeout, keepaliveInterval, firstRetryDelay, maxRetryDelay);
    }

    public JanusSettings withTimeouts(Duration connect, Duration request, Duration operation) {
        return new JanusSettings(url, apiSecret, roomAdminKey, adminUrl, adminSecret, connect, request, operation,
                keepaliveInterval, firstRetryDelay, maxRetryDelay);
    }

    public JanusSettings withRetries(Duration first, Duration max) {
        return new JanusSettings(url, apiSecret, roomAdminKey, adminUrl, adminSecret, connectTimeout, requestTimeout,
                operationTimeout, keepaliveInterval, first, max);
    }

    public JanusSettings withKeepalive(Duration interval) {
        return new JanusSettings(url, apiSecret, roomAdminKey, adminUrl, adminSecret, connectTimeout, requestTimeout,
                operationTimeout, interval, firstRetryDelay, maxRetryDelay);
    }

    /** The URL for logs and health: without a user:password@ part, which may hold a credential. */
    public String displayUrl() {
        return withoutUserInfo(url);
    }

    static String withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri.toString();
        }
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(),
                    uri.getFragment()).toString();
        } catch (java.net.URISyntaxException e) {
            return uri.getScheme() + "://" + uri.getHost();
        }
    }

    @Override
    public String toString() {
        // Never the secrets.
        return "JanusSettings[url=" + displayUrl() + ", adminUrl=" + (adminUrl == null ? null : withoutUserInfo(adminUrl))
                + ", apiSecret=" + (apiSecret == null ? "none" : "set") + "]";
    }

    private static void requireWebSocketUrl(URI uri, String what) {
        String scheme = uri.getScheme();
        if (!"ws".equalsIgnoreCase(scheme) && !"wss".equalsIgnoreCase(scheme) || uri.getHost() == null) {
            throw new IllegalArgumentException("The " + what + " must be ws://host:port/ or wss://..., not "
                    + withoutUserInfo(uri));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
