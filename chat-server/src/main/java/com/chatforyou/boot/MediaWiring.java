package com.chatforyou.boot;

import com.chatforyou.adapter.media.kurento.KurentoMediaAdapter;
import com.chatforyou.adapter.media.kurento.KurentoSettings;
import com.chatforyou.adapter.media.mesh.MeshMediaAdapter;
import com.chatforyou.domain.port.out.MediaPort;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Picks the media backend named by chatforyou.media.backend, and reports its health. */
@Configuration(proxyBeanMethods = false)
class MediaWiring {
    private static final Logger LOG = LoggerFactory.getLogger(MediaWiring.class);

    /** Closed by Spring at shutdown when the backend holds resources (Kurento's connection). */
    @Bean
    MediaPort mediaPort(ChatForYouProperties properties, Environment environment) {
        String backend = properties.media().backend();
        MediaPort media = switch (backend) {
            case "mesh" -> new MeshMediaAdapter();
            case "kurento" -> new KurentoMediaAdapter(kurentoSettings(properties.media().kurento(), environment));
            default -> throw new IllegalArgumentException(
                    "chatforyou.media.backend=" + backend + " is not a media backend; use: mesh, kurento");
        };
        LOG.info("Media backend: {} (rooms default to {} seats, at most {})", media.backendName(),
                media.capacityLimits().defaultCapacity(), media.capacityLimits().maximum());
        return media;
    }

    @Bean
    MediaBackendHealthIndicator mediaBackendHealthIndicator(MediaPort media) {
        return new MediaBackendHealthIndicator(media);
    }

    /** The property wins; KMS_URL is the original deployment's name for the same setting. */
    static KurentoSettings kurentoSettings(ChatForYouProperties.Kurento kurento, Environment environment) {
        String url = kurento.url() != null && !kurento.url().isBlank() ? kurento.url()
                : environment.getProperty("KMS_URL", KurentoSettings.DEFAULT_URL);
        KurentoSettings settings = new KurentoSettings(URI.create(url.trim()), kurento.connectTimeout(),
                kurento.requestTimeout(), kurento.operationTimeout(), kurento.firstRetryDelay(),
                kurento.maxRetryDelay());
        LOG.info("Kurento Media Server: {} (connecting in the background)", settings.url());
        return settings;
    }
}
