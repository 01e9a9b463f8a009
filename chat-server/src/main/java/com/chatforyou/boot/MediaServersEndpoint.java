package com.chatforyou.boot;

import com.chatforyou.adapter.media.pool.MediaServerPool;
import com.chatforyou.adapter.media.pool.ServerSnapshot;
import com.chatforyou.domain.port.out.MediaPort;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * {@code /actuator/mediaservers}: each media server of the pool with its state and load, and draining
 * for maintenance: {@code POST /actuator/mediaservers/{host:port}} with {@code {"draining": true}} stops
 * new rooms going there while its calls go on; {@code false} takes it back. Not exposed unless listed in
 * {@code management.endpoints.web.exposure.include}, and then best on a management port that only
 * operators reach (docs/operations.md): anyone who reaches it can drain every server.
 */
@Endpoint(id = "mediaservers")
class MediaServersEndpoint {
    private final MediaPort media;

    MediaServersEndpoint(MediaPort media) {
        this.media = media;
    }

    @ReadOperation
    Map<String, Object> servers() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("backend", media.backendName());
        all.put("servers", pool() == null ? List.of() : pool().snapshot().stream().map(MediaServersEndpoint::entry).toList());
        return all;
    }

    /** One server; 404 when there is none by that name. */
    @ReadOperation
    Map<String, Object> server(@Selector String id) {
        MediaServerPool pool = pool();
        return pool == null ? null : pool.snapshot(id).map(MediaServersEndpoint::entry).orElse(null);
    }

    /**
     * Drains a server, or takes it back; 404 when there is none by that name (a write operation that
     * answers null would say 204, as if it had drained something).
     */
    @WriteOperation
    WebEndpointResponse<Map<String, Object>> drain(@Selector String id, boolean draining) {
        MediaServerPool pool = pool();
        return (pool == null ? java.util.Optional.<ServerSnapshot>empty() : pool.drain(id, draining))
                .map(server -> new WebEndpointResponse<>(entry(server)))
                .orElseGet(() -> new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND));
    }

    private MediaServerPool pool() {
        return media instanceof MediaServerPool pool ? pool : null;
    }

    private static Map<String, Object> entry(ServerSnapshot server) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", server.id());
        entry.putAll(MediaBackendHealthIndicator.describe(server));
        return entry;
    }
}
