package com.chatforyou.boot;

import com.chatforyou.adapter.media.ServerHealth;
import com.chatforyou.adapter.media.pool.MediaServerPool;
import com.chatforyou.adapter.media.pool.ServerSnapshot;
import com.chatforyou.domain.port.out.MediaPort;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The media backend as Actuator's {@code mediaBackend} component: mesh needs no server and is always
 * UP; Kurento and Janus are UP while some server of theirs is connected, answering and not draining,
 * that is while new rooms get video. Details show each server ({@code servers}, by {@code host:port});
 * with one server its details are also at the top, as before pools. A DOWN backend only stops video: the
 * lobby and chat keep working, so liveness probes should not restart the server for it.
 */
class MediaBackendHealthIndicator implements HealthIndicator {
    private final MediaPort media;

    MediaBackendHealthIndicator(MediaPort media) {
        this.media = media;
    }

    @Override
    public Health health() {
        if (!(media instanceof MediaServerPool pool)) {
            return Health.up().withDetail("backend", media.backendName()).build();
        }
        List<ServerSnapshot> servers = pool.snapshot();
        Health.Builder health = pool.takesNewRooms() ? Health.up() : Health.down();
        health.withDetail("backend", media.backendName());
        if (servers.size() == 1) {
            health.withDetails(describe(servers.get(0)));
        }
        Map<String, Object> each = new LinkedHashMap<>();
        servers.forEach(server -> each.put(server.id(), describe(server)));
        return health.withDetail("servers", each).build();
    }

    /** One server: where, its state, its load for this app, and its own figures where it reports them. */
    static Map<String, Object> describe(ServerSnapshot server) {
        ServerHealth health = server.health();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("url", MediaServerUrl.withoutSecrets(health.url()));
        details.put("up", health.up());
        details.put("state", health.state());
        details.put("draining", server.draining());
        if (health.session() != null) {
            details.put("session", health.session());
        }
        if (health.detail() != null) {
            details.put("reason", health.detail());
        }
        details.put("rooms", server.rooms());
        details.put("participants", server.participants());
        details.put("streams", server.streams());
        details.putAll(server.reported().figures());
        return details;
    }
}
