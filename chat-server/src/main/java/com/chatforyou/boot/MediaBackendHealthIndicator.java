package com.chatforyou.boot;

import com.chatforyou.adapter.media.janus.JanusMediaAdapter;
import com.chatforyou.adapter.media.janus.JanusStatus;
import com.chatforyou.adapter.media.kurento.KmsStatus;
import com.chatforyou.adapter.media.kurento.KurentoMediaAdapter;
import com.chatforyou.domain.port.out.MediaPort;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The media backend as Actuator's {@code mediaBackend} component: mesh needs no server and is
 * always UP; Kurento and Janus are UP while their server is connected and answering. A DOWN backend only stops video:
 * the lobby and chat keep working, so liveness probes should not restart the server for it.
 */
class MediaBackendHealthIndicator implements HealthIndicator {
    private final MediaPort media;

    MediaBackendHealthIndicator(MediaPort media) {
        this.media = media;
    }

    @Override
    public Health health() {
        if (media instanceof KurentoMediaAdapter kurento) {
            KmsStatus status = kurento.status();
            return describe(status.up(), status.url(), status.state(), status.sessionId(), status.detail());
        }
        if (media instanceof JanusMediaAdapter janus) {
            JanusStatus status = janus.status();
            Health health = describe(status.up(), status.url(), status.state(),
                    status.sessionId() == null ? null : Long.toString(status.sessionId()), status.detail());
            return janus.serverCensus().map(census -> Health.status(health.getStatus())
                    .withDetails(health.getDetails())
                    .withDetail("janusSessions", census.sessions())
                    .withDetail("janusHandles", census.handles())
                    .withDetail("janusRooms", census.rooms()).build()).orElse(health);
        }
        return Health.up().withDetail("backend", media.backendName()).build();
    }

    private Health describe(boolean up, String url, String state, String session, String reason) {
        Health.Builder health = up ? Health.up() : Health.down();
        health.withDetail("backend", media.backendName())
                .withDetail("url", MediaServerUrl.withoutSecrets(url))
                .withDetail("state", state);
        if (session != null) {
            health.withDetail("session", session);
        }
        if (reason != null) {
            health.withDetail("reason", reason);
        }
        return health.build();
    }
}
