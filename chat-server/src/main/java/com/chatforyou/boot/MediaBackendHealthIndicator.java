package com.chatforyou.boot;

import com.chatforyou.adapter.media.kurento.KmsStatus;
import com.chatforyou.adapter.media.kurento.KurentoMediaAdapter;
import com.chatforyou.domain.port.out.MediaPort;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The media backend as Actuator's {@code mediaBackend} component: mesh needs no server and is
 * always UP; Kurento is UP while KMS is connected and answering. A DOWN backend only stops video:
 * the lobby and chat keep working, so liveness probes should not restart the server for it.
 */
class MediaBackendHealthIndicator implements HealthIndicator {
    private final MediaPort media;

    MediaBackendHealthIndicator(MediaPort media) {
        this.media = media;
    }

    @Override
    public Health health() {
        if (!(media instanceof KurentoMediaAdapter kurento)) {
            return Health.up().withDetail("backend", media.backendName()).build();
        }
        KmsStatus status = kurento.status();
        Health.Builder health = status.up() ? Health.up() : Health.down();
        health.withDetail("backend", media.backendName())
                .withDetail("url", KmsUrl.withoutSecrets(status.url()))
                .withDetail("state", status.state());
        if (status.sessionId() != null) {
            health.withDetail("session", status.sessionId());
        }
        if (status.detail() != null) {
            health.withDetail("reason", status.detail());
        }
        return health.build();
    }
}
