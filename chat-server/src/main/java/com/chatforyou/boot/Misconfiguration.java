package com.chatforyou.boot;

/**
 * A setting the server cannot start with. Reported at start-up by {@link MisconfigurationFailureAnalyzer}
 * as what is wrong and what to change; neither text may contain a secret.
 */
class Misconfiguration extends RuntimeException {
    private final String action;

    Misconfiguration(String description, String action) {
        super(description);
        this.action = action;
    }

    Misconfiguration(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    String action() {
        return action;
    }
}
