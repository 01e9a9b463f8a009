package com.chatforyou.boot;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chatforyou.turn.*}: which ICE servers browsers get (see docs/turn.md). The secret may come from
 * the environment as {@code CHATFORYOU_TURN_SECRET}, which Spring binds to {@code chatforyou.turn.secret}.
 *
 * @param mode   none, stun, static or rest; unset: inferred (see ConfiguredIceServers)
 * @param urls   turn:/turns: URIs served with short-lived credentials in rest mode
 * @param secret coturn's static-auth-secret; never sent to browsers
 * @param ttl    how long rest-mode credentials last; unset: 6 hours
 * @param renewalCheckInterval how often participants are checked for credentials due for renewal
 */
@ConfigurationProperties("chatforyou.turn")
public record TurnProperties(String mode, @DefaultValue List<String> urls, String secret, Duration ttl,
                             @DefaultValue(TurnProperties.DEFAULT_RENEWAL_CHECK_INTERVAL) Duration renewalCheckInterval) {

    static final String DEFAULT_RENEWAL_CHECK_INTERVAL = "30s";

    /** Keeps the secret out of logs and failure reports. */
    @Override
    public String toString() {
        return "TurnProperties[mode=" + mode + ", urls=" + urls + ", secret=" + (secret == null ? null : "[hidden]")
                + ", ttl=" + ttl + ", renewalCheckInterval=" + renewalCheckInterval + "]";
    }
}
