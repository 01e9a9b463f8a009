package com.chatforyou.adapter.turn;

import java.util.List;

/**
 * Configured ICE servers. Checked at start-up so a typo fails the boot with a clear message rather
 * than silently breaking calls behind NAT.
 */
public record IceServerSettings(List<String> stunUrls, List<String> turnUrls, String turnUsername,
                                String turnCredential) {

    public IceServerSettings {
        stunUrls = clean(stunUrls);
        turnUrls = clean(turnUrls);
        for (String url : stunUrls) {
            require(url.startsWith("stun:") || url.startsWith("stuns:"), "STUN URL must start with stun: or stuns:", url);
        }
        for (String url : turnUrls) {
            require(url.startsWith("turn:") || url.startsWith("turns:"), "TURN URL must start with turn: or turns:", url);
        }
        if (!turnUrls.isEmpty() && (isBlank(turnUsername) || isBlank(turnCredential))) {
            throw new IllegalArgumentException("TURN URLs are set but turn.server.username or turn.server.credential is empty");
        }
    }

    public static IceServerSettings none() {
        return new IceServerSettings(List.of(), List.of(), null, null);
    }

    private static List<String> clean(List<String> urls) {
        return urls == null ? List.of() : urls.stream().map(String::strip).filter(url -> !url.isEmpty()).toList();
    }

    private static void require(boolean condition, String message, String url) {
        if (!condition) {
            throw new IllegalArgumentException(message + ": " + url);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
