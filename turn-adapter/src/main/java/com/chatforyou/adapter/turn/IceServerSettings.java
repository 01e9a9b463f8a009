package com.chatforyou.adapter.turn;

import java.util.List;

/**
 * Configured ICE servers for the {@code none}, {@code stun} and {@code static} modes. Checked at
 * start-up so a typo fails the boot with a clear message rather than silently breaking calls behind NAT.
 */
public record IceServerSettings(List<String> stunUrls, List<String> turnUrls, String turnUsername,
                                String turnCredential) {

    public IceServerSettings {
        stunUrls = Urls.clean(stunUrls);
        turnUrls = Urls.clean(turnUrls);
        Urls.requireStun(stunUrls);
        Urls.requireTurn(turnUrls);
        if (!turnUrls.isEmpty() && (isBlank(turnUsername) || isBlank(turnCredential))) {
            throw new IllegalArgumentException("TURN URLs are set but turn.server.username or turn.server.credential is empty");
        }
    }

    public static IceServerSettings none() {
        return new IceServerSettings(List.of(), List.of(), null, null);
    }

    /** Leaves the credential out, so the settings can be logged. */
    @Override
    public String toString() {
        return "IceServerSettings[stunUrls=" + stunUrls + ", turnUrls=" + turnUrls + ", turnUsername=" + turnUsername
                + ", turnCredential=" + (turnCredential == null ? null : "[hidden]") + "]";
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
