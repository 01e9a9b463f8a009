package com.chatforyou.boot;

import com.chatforyou.adapter.media.mesh.MeshMediaAdapter;
import com.chatforyou.domain.port.out.MediaPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Picks the media backend named by chatforyou.media.backend. */
@Configuration(proxyBeanMethods = false)
class MediaWiring {
    private static final Logger LOG = LoggerFactory.getLogger(MediaWiring.class);

    @Bean
    MediaPort mediaPort(ChatForYouProperties properties) {
        String backend = properties.media().backend();
        MediaPort media = switch (backend) {
            case "mesh" -> new MeshMediaAdapter();
            default -> throw new IllegalArgumentException(
                    "chatforyou.media.backend=" + backend + " is not a media backend; use: mesh");
        };
        LOG.info("Media backend: {} (rooms default to {} seats, at most {})", media.backendName(),
                media.capacityLimits().defaultCapacity(), media.capacityLimits().maximum());
        return media;
    }
}
