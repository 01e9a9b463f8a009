package com.chatforyou.boot;

import com.chatforyou.adapter.media.janus.JanusMediaAdapter;
import com.chatforyou.adapter.media.janus.JanusSettings;
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

    static final String BACKEND_PROPERTY = "chatforyou.media.backend";

    /** Closed by Spring at shutdown when the backend holds resources (Kurento's connection). */
    @Bean
    MediaPort mediaPort(ChatForYouProperties properties, Environment environment) {
        String backend = properties.media().backend();
        MediaPort media = switch (backend) {
            case "mesh" -> new MeshMediaAdapter();
            case "kurento" -> new KurentoMediaAdapter(kurentoSettings(properties.media().kurento(), environment));
            case "janus" -> {
                JanusMediaAdapter janus = new JanusMediaAdapter(janusSettings(properties.media().janus(), environment));
                // With an Admin API configured, health also shows what Janus itself holds (leak checks).
                janus.countThroughAdminApi(properties.media().janus().censusInterval());
                yield janus;
            }
            default -> throw new Misconfiguration(BACKEND_PROPERTY + " (CHATFORYOU_MEDIA_BACKEND) is '" + backend
                    + "', which is not a media backend.",
                    "Set CHATFORYOU_MEDIA_BACKEND to mesh (peer-to-peer, no media server; the default), kurento "
                            + "(an SFU; also set KMS_URL) or janus (an SFU; also set JANUS_URL). See docs/media-backends.md.");
        };
        LOG.debug("Media backend: {} (rooms default to {} seats, at most {})", media.backendName(),
                media.capacityLimits().defaultCapacity(), media.capacityLimits().maximum());
        return media;
    }

    @Bean
    MediaBackendHealthIndicator mediaBackendHealthIndicator(MediaPort media) {
        return new MediaBackendHealthIndicator(media);
    }

    static KurentoSettings kurentoSettings(ChatForYouProperties.Kurento kurento, Environment environment) {
        return new KurentoSettings(MediaServerUrl.KURENTO.parse(MediaServerUrl.KURENTO.configured(environment)),
                kurento.connectTimeout(),
                kurento.requestTimeout(), kurento.operationTimeout(), kurento.firstRetryDelay(),
                kurento.maxRetryDelay());
    }

    static JanusSettings janusSettings(ChatForYouProperties.Janus janus, Environment environment) {
        URI adminUrl = janus.adminUrl() == null || janus.adminUrl().isBlank() ? null
                : MediaServerUrl.JANUS.parse(janus.adminUrl().trim());
        try {
            return new JanusSettings(MediaServerUrl.JANUS.parse(MediaServerUrl.JANUS.configured(environment)),
                    janus.apiSecret(), janus.roomAdminKey(), adminUrl, janus.adminSecret(), janus.connectTimeout(),
                    janus.requestTimeout(), janus.operationTimeout(), janus.keepaliveInterval(),
                    janus.firstRetryDelay(), janus.maxRetryDelay());
        } catch (IllegalArgumentException e) {
            throw new Misconfiguration("The Janus settings (chatforyou.media.janus.*) cannot be used: " + e.getMessage(),
                    "Give positive timeouts, and a max-retry-delay no shorter than first-retry-delay.");
        }
    }
}
