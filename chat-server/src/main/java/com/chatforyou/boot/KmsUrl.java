package com.chatforyou.boot;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.core.env.Environment;

/** The Kurento Media Server's URL: where it comes from, what a valid one looks like, and how to log it. */
final class KmsUrl {
    static final String PROPERTY = "chatforyou.media.kurento.url";
    static final String ENVIRONMENT_VARIABLE = "KMS_URL";
    static final String DEFAULT = "ws://localhost:8888/kurento";
    /** Greedy: with several @, more is hidden rather than less. */
    private static final Pattern USER_INFO = Pattern.compile("://.*@");

    private KmsUrl() {
    }

    /** The property wins; KMS_URL is the original deployment's name for the same setting. */
    static String configured(Environment environment) {
        String url = environment.getProperty(PROPERTY);
        if (url == null || url.isBlank()) {
            url = environment.getProperty(ENVIRONMENT_VARIABLE, DEFAULT);
        }
        return url.trim();
    }

    /** A ws:// or wss:// URL with a host, or a {@link Misconfiguration} that says how to fix it. */
    static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw malformed(url, "it is not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            throw malformed(url, "it must start with ws:// or wss://");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw malformed(url, "it has no host name (letters, digits, dots and hyphens only; no underscores)");
        }
        return uri;
    }

    /** The URL as it may appear in logs and health: any user:password@ part removed. */
    static String withoutSecrets(String url) {
        return USER_INFO.matcher(url).replaceFirst("://");
    }

    private static Misconfiguration malformed(String url, String problem) {
        return new Misconfiguration("The Kurento Media Server URL '" + withoutSecrets(url) + "' (" + ENVIRONMENT_VARIABLE
                + " or " + PROPERTY + ") cannot be used: " + problem + ".",
                "Set " + ENVIRONMENT_VARIABLE + " to the KMS WebSocket URL, e.g. ws://kms.example.org:8888/kurento "
                        + "(wss:// when KMS serves TLS), or use chatforyou.media.backend=mesh, which needs no media server.");
    }
}
