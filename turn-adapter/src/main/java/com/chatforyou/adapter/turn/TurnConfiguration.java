package com.chatforyou.adapter.turn;

import java.time.Duration;
import java.util.List;

/**
 * Every ICE-related setting as configured, before a mode is chosen (see {@link ConfiguredIceServers}).
 *
 * @param mode            {@code chatforyou.turn.mode}; null or blank: inferred from what else is set
 * @param stunUrls        {@code chatforyou.ice.stun-urls}, served in every mode but {@code none}
 * @param staticUrls      {@code turn.server.urls}, the original app's TURN server
 * @param staticUsername  {@code turn.server.username}
 * @param staticCredential {@code turn.server.credential}
 * @param restUrls        {@code chatforyou.turn.urls}: turn:/turns: URIs for the REST API mode
 * @param restSecret      {@code chatforyou.turn.secret} (or the environment's {@code CHATFORYOU_TURN_SECRET})
 * @param restTtl         {@code chatforyou.turn.ttl}; null: {@link TurnRestCredentials#DEFAULT_TTL}
 */
public record TurnConfiguration(String mode, List<String> stunUrls, List<String> staticUrls, String staticUsername,
                                String staticCredential, List<String> restUrls, String restSecret, Duration restTtl) {

    public TurnConfiguration {
        stunUrls = Urls.clean(stunUrls);
        staticUrls = Urls.clean(staticUrls);
        restUrls = Urls.clean(restUrls);
    }

    /** Nothing configured: host candidates only. */
    public static TurnConfiguration none() {
        return new TurnConfiguration(null, List.of(), List.of(), null, null, List.of(), null, null);
    }

    boolean hasStaticSettings() {
        return !staticUrls.isEmpty() || isSet(staticUsername) || isSet(staticCredential);
    }

    boolean hasRestSecret() {
        return isSet(restSecret);
    }

    static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    /** Leaves the secret and the static credential out, so the configuration can be logged. */
    @Override
    public String toString() {
        return "TurnConfiguration[mode=" + mode + ", stunUrls=" + stunUrls + ", staticUrls=" + staticUrls
                + ", staticUsername=" + staticUsername + ", staticCredential=" + hidden(staticCredential)
                + ", restUrls=" + restUrls + ", restSecret=" + hidden(restSecret) + ", restTtl=" + restTtl + "]";
    }

    private static String hidden(String value) {
        return value == null ? null : "[hidden]";
    }
}
