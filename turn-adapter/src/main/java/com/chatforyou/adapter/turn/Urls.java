package com.chatforyou.adapter.turn;

import java.util.List;

/** URL list clean-up and scheme checks shared by the settings records. */
final class Urls {
    private Urls() {
    }

    /** Trims each URL and drops empty ones, as a comma-separated property with a trailing comma gives. */
    static List<String> clean(List<String> urls) {
        return urls == null ? List.of() : urls.stream().map(String::strip).filter(url -> !url.isEmpty()).toList();
    }

    static void requireStun(List<String> urls) {
        for (String url : urls) {
            require(url.startsWith("stun:") || url.startsWith("stuns:"), "STUN URL must start with stun: or stuns:", url);
        }
    }

    static void requireTurn(List<String> urls) {
        for (String url : urls) {
            require(url.startsWith("turn:") || url.startsWith("turns:"), "TURN URL must start with turn: or turns:", url);
        }
    }

    private static void require(boolean condition, String message, String url) {
        if (!condition) {
            throw new IllegalArgumentException(message + ": " + url);
        }
    }
}
