package com.chatforyou.adapter.media.kurento;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the Kurento Media Server is and how long to wait for it.
 *
 * @param url              KMS's JSON-RPC WebSocket, such as {@code ws://localhost:8888/kurento}
 * @param connectTimeout   bound for one connection attempt (TCP, WebSocket handshake, first ping)
 * @param requestTimeout   bound for one JSON-RPC request to KMS
 * @param operationTimeout bound for one call from the domain (a join may take several requests)
 * @param firstRetryDelay  wait before reconnecting after a failed attempt; doubles up to the maximum
 * @param maxRetryDelay    longest wait between connection attempts
 */
public record KurentoSettings(URI url, Duration connectTimeout, Duration requestTimeout, Duration operationTimeout,
                              Duration firstRetryDelay, Duration maxRetryDelay) {

    public static final String DEFAULT_URL = "ws://localhost:8888/kurento";

    public KurentoSettings {
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme();
        if (!"ws".equalsIgnoreCase(scheme) && !"wss".equalsIgnoreCase(scheme) || url.getHost() == null) {
            throw new IllegalArgumentException("The Kurento URL must be ws://host:port/path or wss://..., not " + url);
        }
        for (Duration duration : new Duration[] {connectTimeout, requestTimeout, operationTimeout, firstRetryDelay,
                maxRetryDelay}) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("Kurento timeouts and delays must be positive");
            }
        }
        if (maxRetryDelay.compareTo(firstRetryDelay) < 0) {
            throw new IllegalArgumentException("maxRetryDelay must not be shorter than firstRetryDelay");
        }
    }

    /** The URL for logs and health: without a user:password@ part, which may hold a credential. */
    public String displayUrl() {
        if (url.getRawUserInfo() == null) {
            return url.toString();
        }
        try {
            return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), url.getQuery(),
                    url.getFragment()).toString();
        } catch (java.net.URISyntaxException e) {
            return url.getScheme() + "://" + url.getHost();
        }
    }

    /** Bounds that keep a join well under ten seconds even when KMS hangs. */
    public static KurentoSettings defaults(String url) {
        return new KurentoSettings(URI.create(url), Duration.ofSeconds(3), Duration.ofSeconds(5),
                Duration.ofSeconds(8), Duration.ofSeconds(1), Duration.ofSeconds(15));
    }
}
