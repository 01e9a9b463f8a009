package com.chatforyou.adapter.turn;

import com.chatforyou.domain.port.out.IceServerProvider;
import com.chatforyou.domain.port.out.TimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ICE server provider for a {@link TurnConfiguration}: the mode (given or inferred), the provider,
 * and warnings for the log. Settings that the mode would ignore are refused, so a half-migrated
 * configuration fails the boot instead of silently serving something else.
 *
 * @param ttl how long issued credentials last; empty when they never expire
 */
public record ConfiguredIceServers(TurnMode mode, IceServerProvider provider, Optional<Duration> ttl,
                                   List<String> warnings) {

    /** Shorter secrets are easier to guess offline from one captured username and password. */
    static final int RECOMMENDED_SECRET_LENGTH = 32;

    public ConfiguredIceServers {
        warnings = List.copyOf(warnings);
    }

    public static ConfiguredIceServers from(TurnConfiguration config, TimeSource clock) {
        TurnMode mode = TurnMode.parse(config.mode()).orElseGet(() -> inferredMode(config));
        List<String> warnings = new ArrayList<>();
        if (mode != TurnMode.REST && config.hasRestSecret()) {
            warnings.add("chatforyou.turn.secret is set but unused: chatforyou.turn.mode is " + mode.propertyValue());
        }
        return switch (mode) {
            case NONE -> {
                refuse(mode, !config.stunUrls().isEmpty(), "chatforyou.ice.stun-urls", "use mode stun");
                refuse(mode, config.hasStaticSettings(), "turn.server.*", "use mode static");
                refuse(mode, !config.restUrls().isEmpty(), "chatforyou.turn.urls", "use mode rest");
                yield new ConfiguredIceServers(mode, new StaticIceServerProvider(IceServerSettings.none()),
                        Optional.empty(), warnings);
            }
            case STUN -> {
                if (config.stunUrls().isEmpty()) {
                    throw new IllegalArgumentException("chatforyou.turn.mode=stun needs chatforyou.ice.stun-urls");
                }
                refuse(mode, config.hasStaticSettings(), "turn.server.*", "use mode static");
                refuse(mode, !config.restUrls().isEmpty(), "chatforyou.turn.urls", "use mode rest");
                yield new ConfiguredIceServers(mode, new StaticIceServerProvider(
                        new IceServerSettings(config.stunUrls(), List.of(), null, null)), Optional.empty(), warnings);
            }
            case STATIC -> {
                if (config.staticUrls().isEmpty()) {
                    throw new IllegalArgumentException("chatforyou.turn.mode=static needs turn.server.urls, "
                            + "turn.server.username and turn.server.credential");
                }
                refuse(mode, !config.restUrls().isEmpty(), "chatforyou.turn.urls", "use mode rest");
                var settings = new IceServerSettings(config.stunUrls(), config.staticUrls(), config.staticUsername(),
                        config.staticCredential());
                warnings.add("TURN mode static: every browser gets the same TURN username and password "
                        + "(turn.server.username/credential), which never expire, so anyone who loads the page can "
                        + "reuse the relay. Use chatforyou.turn.mode=rest with coturn's use-auth-secret instead.");
                yield new ConfiguredIceServers(mode, new StaticIceServerProvider(settings), Optional.empty(), warnings);
            }
            case REST -> {
                refuse(mode, config.hasStaticSettings(), "turn.server.*",
                        "rest mode issues its own credentials; move the URLs to chatforyou.turn.urls");
                if (config.restUrls().isEmpty()) {
                    throw new IllegalArgumentException("chatforyou.turn.mode=rest needs chatforyou.turn.urls "
                            + "(turn:host:3478?transport=udp, turn:host:3478?transport=tcp, turns:host:5349?transport=tcp)");
                }
                Urls.requireTurn(config.restUrls());
                Urls.requireStun(config.stunUrls());
                if (!config.hasRestSecret()) {
                    throw new IllegalArgumentException("chatforyou.turn.mode=rest needs the secret shared with the "
                            + "TURN server: chatforyou.turn.secret or the environment variable CHATFORYOU_TURN_SECRET");
                }
                TurnSecret secret = new TurnSecret(config.restSecret());
                if (secret.length() < RECOMMENDED_SECRET_LENGTH) {
                    warnings.add("chatforyou.turn.secret has " + secret.length() + " characters; use at least "
                            + RECOMMENDED_SECRET_LENGTH + " random ones (e.g. openssl rand -hex 32)");
                }
                Duration ttl = config.restTtl() == null ? TurnRestCredentials.DEFAULT_TTL : config.restTtl();
                var credentials = new TurnRestCredentials(secret, ttl, clock);
                yield new ConfiguredIceServers(mode, new TurnRestIceServerProvider(config.stunUrls(),
                        config.restUrls(), credentials), Optional.of(ttl), warnings);
            }
        };
    }

    /**
     * Without an explicit mode: the original app's {@code turn.server.*} keep old deployments on static,
     * REST URLs mean rest, STUN URLs alone mean stun, and nothing means none.
     */
    static TurnMode inferredMode(TurnConfiguration config) {
        boolean legacy = config.hasStaticSettings();
        boolean rest = !config.restUrls().isEmpty();
        if (legacy && rest) {
            throw new IllegalArgumentException("Both turn.server.* and chatforyou.turn.urls are set; "
                    + "set chatforyou.turn.mode to static or rest and remove the other");
        }
        if (legacy) {
            return TurnMode.STATIC;
        }
        if (rest) {
            return TurnMode.REST;
        }
        return config.stunUrls().isEmpty() ? TurnMode.NONE : TurnMode.STUN;
    }

    private static void refuse(TurnMode mode, boolean present, String setting, String advice) {
        if (present) {
            throw new IllegalArgumentException("chatforyou.turn.mode=" + mode.propertyValue() + " does not use "
                    + setting + ", but it is set; " + advice + " or remove it");
        }
    }
}
