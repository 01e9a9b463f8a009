package com.chatforyou.boot.janus;

import com.chatforyou.adapter.media.janus.JanusProcess;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points the server under test at a pool of the test's own Janus servers (one deployment's secrets),
 * with {@code /actuator/mediaservers} exposed and short retries, checks and failover so moves show quickly.
 */
final class JanusPoolBackend {
    private JanusPoolBackend() {
    }

    /** Both servers with the secrets of the first, as one deployment's pool has. */
    static List<JanusProcess> startTwo() {
        JanusProcess first = JanusProcess.running();
        return List.of(first, JanusProcess.runningWithTheSecretsOf(first));
    }

    static void use(DynamicPropertyRegistry registry, List<JanusProcess> servers) {
        JanusProcess first = servers.get(0);
        registry.add("chatforyou.media.backend", () -> "janus");
        registry.add("chatforyou.media.janus.urls",
                () -> servers.stream().map(JanusProcess::url).collect(Collectors.joining(",")));
        registry.add("chatforyou.media.janus.admin-urls",
                () -> servers.stream().map(JanusProcess::adminUrl).collect(Collectors.joining(",")));
        registry.add("chatforyou.media.janus.api-secret", first::apiSecret);
        registry.add("chatforyou.media.janus.room-admin-key", first::roomAdminKey);
        registry.add("chatforyou.media.janus.admin-secret", first::adminSecret);
        registry.add("chatforyou.media.janus.first-retry-delay", () -> "100ms");
        registry.add("chatforyou.media.janus.max-retry-delay", () -> "500ms");
        registry.add("chatforyou.media.janus.census-interval", () -> "500ms");
        registry.add("chatforyou.media.pool.check-interval", () -> "200ms");
        registry.add("chatforyou.media.pool.failover-after", () -> "1s");
        registry.add("management.endpoints.web.exposure.include", () -> "health,metrics,mediaservers");
        registry.add("management.endpoint.health.show-details", () -> "always");
    }

    /** The pool's name for a server: host:port of its WebSocket URL, as health and the endpoint show it. */
    static String idOf(JanusProcess janus) {
        return com.chatforyou.adapter.media.MediaServer.idOf(java.net.URI.create(janus.url()));
    }
}
