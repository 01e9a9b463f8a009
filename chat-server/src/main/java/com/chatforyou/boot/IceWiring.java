package com.chatforyou.boot;

import com.chatforyou.adapter.turn.ConfiguredIceServers;
import com.chatforyou.adapter.turn.TurnConfiguration;
import com.chatforyou.domain.port.out.IceServerProvider;
import com.chatforyou.domain.port.out.TimeSource;
import com.chatforyou.domain.service.MediaNegotiationService;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The ICE servers browsers get, from {@code chatforyou.turn.*}, {@code chatforyou.ice.stun-urls} and the
 * original {@code turn.server.*}; and the task that renews short-lived TURN credentials in time.
 */
@Configuration(proxyBeanMethods = false)
public class IceWiring {
    private static final Logger LOG = LoggerFactory.getLogger(IceWiring.class);

    /** The scheduler's view of {@link TurnProperties#renewalCheckInterval()}, with the same default. */
    static final String RENEWAL_CHECK_INTERVAL =
            "${chatforyou.turn.renewal-check-interval:" + TurnProperties.DEFAULT_RENEWAL_CHECK_INTERVAL + "}";
    /**
     * Renewal happens after four fifths of the TTL; the last fifth must span several checks so the new
     * credentials reach the browser before the old ones expire.
     */
    static final int MIN_TTL_IN_CHECK_INTERVALS = 10;
    static final String TURN_ACTION = "Fix the setting named above. The modes are none, stun, static and rest "
            + "(CHATFORYOU_TURN_MODE); rest needs CHATFORYOU_TURN_URLS and CHATFORYOU_TURN_SECRET (coturn's "
            + "static-auth-secret). See docs/turn.md and docs/operations.md.";

    @Bean
    ConfiguredIceServers configuredIceServers(ChatForYouProperties properties, TurnServerProperties legacy,
                                              TurnProperties turn, TimeSource clock) {
        Duration renewalCheckInterval = turn.renewalCheckInterval();
        ConfiguredIceServers configured;
        try {
            configured = ConfiguredIceServers.from(new TurnConfiguration(turn.mode(), properties.ice().stunUrls(),
                    legacy.urls(), legacy.username(), legacy.credential(), turn.urls(), turn.secret(), turn.ttl()), clock);
        } catch (IllegalArgumentException e) {
            // The adapter's messages name the settings involved and never the secret.
            throw new Misconfiguration("The STUN/TURN settings cannot be used: " + e.getMessage(), TURN_ACTION, e);
        }
        configured.ttl().ifPresent(ttl -> {
            if (ttl.compareTo(renewalCheckInterval.multipliedBy(MIN_TTL_IN_CHECK_INTERVALS)) < 0) {
                throw new Misconfiguration("chatforyou.turn.ttl (" + ttl + ") must be at least "
                        + MIN_TTL_IN_CHECK_INTERVALS + " times chatforyou.turn.renewal-check-interval ("
                        + renewalCheckInterval + ") so renewed credentials arrive before the old ones expire",
                        "Raise chatforyou.turn.ttl or lower chatforyou.turn.renewal-check-interval.");
            }
        });
        configured.warnings().forEach(LOG::warn);
        LOG.info("ICE servers: mode {}{}", configured.mode().propertyValue(),
                configured.ttl().map(ttl -> ", TURN credentials per participant valid for " + ttl).orElse(""));
        return configured;
    }

    @Bean
    IceServerProvider iceServerProvider(ConfiguredIceServers configured) {
        return configured.provider();
    }

    @Bean
    IceServerRenewal iceServerRenewal(MediaNegotiationService mediaNegotiation) {
        return new IceServerRenewal(mediaNegotiation);
    }

    /** Sends fresh ICE servers to participants whose TURN credentials are due for renewal. */
    static class IceServerRenewal {
        private final MediaNegotiationService mediaNegotiation;

        IceServerRenewal(MediaNegotiationService mediaNegotiation) {
            this.mediaNegotiation = mediaNegotiation;
        }

        @Scheduled(fixedDelayString = RENEWAL_CHECK_INTERVAL)
        void renewExpiringIceServers() {
            mediaNegotiation.renewExpiringIceServers();
        }
    }
}
