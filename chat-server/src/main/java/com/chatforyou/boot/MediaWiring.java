package com.chatforyou.boot;

import com.chatforyou.adapter.media.MediaServer;
import com.chatforyou.adapter.media.janus.JanusMediaAdapter;
import com.chatforyou.adapter.media.janus.JanusSettings;
import com.chatforyou.adapter.media.kurento.KurentoMediaAdapter;
import com.chatforyou.adapter.media.kurento.KurentoSettings;
import com.chatforyou.adapter.media.mesh.MeshMediaAdapter;
import com.chatforyou.adapter.media.pool.MediaServerPool;
import com.chatforyou.adapter.media.pool.PlacementStrategy;
import com.chatforyou.adapter.media.pool.PoolSettings;
import com.chatforyou.domain.port.out.MediaPort;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Picks the media backend named by chatforyou.media.backend, and reports its health. Kurento and Janus
 * always run as a pool of their servers (of one, with a single URL), so placement, moves and the
 * retry of rooms left without media work the same with one server as with several.
 */
@Configuration(proxyBeanMethods = false)
class MediaWiring {
    private static final Logger LOG = LoggerFactory.getLogger(MediaWiring.class);

    static final String BACKEND_PROPERTY = "chatforyou.media.backend";

    /** Closed by Spring at shutdown when the backend holds resources (the media servers' connections). */
    @Bean
    MediaPort mediaPort(ChatForYouProperties properties, Environment environment,
                        ObjectProvider<PlacementStrategy> customPlacement) {
        ChatForYouProperties.Media media = properties.media();
        String backend = media.backend();
        MediaPort port = switch (backend) {
            case "mesh" -> new MeshMediaAdapter();
            case "kurento" -> pool(kurentoServers(media.kurento(), environment), media.pool(), customPlacement);
            case "janus" -> pool(janusServers(media.janus(), environment), media.pool(), customPlacement);
            default -> throw new Misconfiguration(BACKEND_PROPERTY + " (CHATFORYOU_MEDIA_BACKEND) is '" + backend
                    + "', which is not a media backend.",
                    "Set CHATFORYOU_MEDIA_BACKEND to mesh (peer-to-peer, no media server; the default), kurento "
                            + "(an SFU; also set KMS_URL) or janus (an SFU; also set JANUS_URL). See docs/media-backends.md.");
        };
        LOG.debug("Media backend: {} (rooms default to {} seats, at most {})", port.backendName(),
                port.capacityLimits().defaultCapacity(), port.capacityLimits().maximum());
        return port;
    }

    @Bean
    MediaBackendHealthIndicator mediaBackendHealthIndicator(MediaPort media) {
        return new MediaBackendHealthIndicator(media);
    }

    @Bean
    MediaServersEndpoint mediaServersEndpoint(MediaPort media) {
        return new MediaServersEndpoint(media);
    }

    private static MediaServerPool pool(List<? extends MediaServer> servers, ChatForYouProperties.Pool pool,
                                        ObjectProvider<PlacementStrategy> customPlacement) {
        PlacementStrategy strategy = customPlacement.getIfAvailable(() -> namedPlacement(pool.placement()));
        Set<String> ids = new HashSet<>();
        for (MediaServer server : servers) {
            if (!ids.add(server.id())) {
                servers.forEach(MediaServer::close);
                throw new Misconfiguration("Two media servers are at " + server.id() + ".",
                        "List each server once (host:port names it in health, metrics and draining).");
            }
        }
        Set<String> draining = new LinkedHashSet<>(pool.draining().stream().map(String::trim)
                .filter(id -> !id.isEmpty()).toList());
        if (!ids.containsAll(draining)) {
            servers.forEach(MediaServer::close);
            throw new Misconfiguration("chatforyou.media.pool.draining names " + draining + ", but the servers are "
                    + ids + ".", "Name draining servers by host:port, as health and /actuator/mediaservers show them.");
        }
        try {
            PoolSettings settings = new PoolSettings(pool.checkInterval(), pool.failoverAfter(), pool.maxRetryDelay(),
                    draining);
            return new MediaServerPool(servers, strategy, settings);
        } catch (IllegalArgumentException e) {
            servers.forEach(MediaServer::close);
            throw new Misconfiguration("The media server pool settings (chatforyou.media.pool.*) cannot be used: "
                    + e.getMessage(), "Give a positive check-interval and no negative durations.");
        }
    }

    private static PlacementStrategy namedPlacement(String name) {
        try {
            return PlacementStrategy.named(name);
        } catch (IllegalArgumentException e) {
            throw new Misconfiguration("chatforyou.media.pool.placement is '" + name + "', which is not a placement strategy.",
                    "Set it to one of " + String.join(", ", PlacementStrategy.NAMES)
                            + " (least-streams is the default), or declare a PlacementStrategy bean.");
        }
    }

    static List<KurentoMediaAdapter> kurentoServers(ChatForYouProperties.Kurento kurento, Environment environment) {
        List<URI> urls = MediaServerUrl.KURENTO.configuredList(environment, kurento.urls()).stream()
                .map(MediaServerUrl.KURENTO::parse).toList();
        List<KurentoMediaAdapter> servers = new ArrayList<>();
        for (URI url : urls) {
            KurentoMediaAdapter server = new KurentoMediaAdapter(kurentoSettings(kurento, url));
            server.sampleServerLoad(kurento.loadInterval());
            servers.add(server);
        }
        return servers;
    }

    static List<JanusMediaAdapter> janusServers(ChatForYouProperties.Janus janus, Environment environment) {
        List<URI> urls = MediaServerUrl.JANUS.configuredList(environment, janus.urls()).stream()
                .map(MediaServerUrl.JANUS::parse).toList();
        List<URI> adminUrls = adminUrls(janus, urls.size());
        List<JanusSettings> settings = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            settings.add(janusSettings(janus, urls.get(i), adminUrls.get(i)));
        }
        List<JanusMediaAdapter> servers = new ArrayList<>();
        for (JanusSettings each : settings) {
            JanusMediaAdapter server = new JanusMediaAdapter(each);
            // With an Admin API configured, health also shows what Janus itself holds (leak checks, placement).
            server.countThroughAdminApi(janus.censusInterval());
            servers.add(server);
        }
        return servers;
    }

    /** One Admin API per server, in the order of the servers; none at all is fine. */
    private static List<URI> adminUrls(ChatForYouProperties.Janus janus, int servers) {
        List<String> listed = janus.adminUrls().stream().map(String::trim).filter(url -> !url.isEmpty()).toList();
        if (listed.isEmpty() && janus.adminUrl() != null && !janus.adminUrl().isBlank()) {
            listed = List.of(janus.adminUrl().trim());
        }
        if (listed.isEmpty()) {
            List<URI> none = new ArrayList<>();
            for (int i = 0; i < servers; i++) {
                none.add(null);
            }
            return none;
        }
        if (listed.size() != servers) {
            throw new Misconfiguration("There are " + servers + " Janus servers but " + listed.size()
                    + " Admin API URLs (chatforyou.media.janus.admin-url or admin-urls).",
                    "Give one Admin API URL per Janus server, in the same order as chatforyou.media.janus.urls, or none.");
        }
        return listed.stream().map(MediaServerUrl.JANUS::parse).toList();
    }

    static KurentoSettings kurentoSettings(ChatForYouProperties.Kurento kurento, URI url) {
        return new KurentoSettings(url, kurento.connectTimeout(), kurento.requestTimeout(), kurento.operationTimeout(),
                kurento.firstRetryDelay(), kurento.maxRetryDelay());
    }

    static JanusSettings janusSettings(ChatForYouProperties.Janus janus, URI url, URI adminUrl) {
        try {
            return new JanusSettings(url, janus.apiSecret(), janus.roomAdminKey(), adminUrl, janus.adminSecret(),
                    janus.connectTimeout(), janus.requestTimeout(), janus.operationTimeout(), janus.keepaliveInterval(),
                    janus.firstRetryDelay(), janus.maxRetryDelay());
        } catch (IllegalArgumentException e) {
            throw new Misconfiguration("The Janus settings (chatforyou.media.janus.*) cannot be used: " + e.getMessage(),
                    "Give positive timeouts, and a max-retry-delay no shorter than first-retry-delay.");
        }
    }
}
