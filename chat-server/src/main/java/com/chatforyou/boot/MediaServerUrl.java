package com.chatforyou.boot;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.core.env.Environment;

/** A media server's WebSocket URL: where it comes from, what a valid one looks like, and how to log it. */
final class MediaServerUrl {
    static final MediaServerUrl KURENTO = new MediaServerUrl("The Kurento Media Server", "chatforyou.media.kurento.url",
            "KMS_URL", "ws://localhost:8888/kurento", "the KMS WebSocket URL, e.g. ws://kms.example.org:8888/kurento "
            + "(wss:// when KMS serves TLS)");
    static final MediaServerUrl JANUS = new MediaServerUrl("The Janus server", "chatforyou.media.janus.url", "JANUS_URL",
            "ws://127.0.0.1:8188/", "Janus' WebSocket transport, e.g. ws://127.0.0.1:8188/ (wss:// when Janus serves TLS)");

    /** Greedy: with several @, more is hidden rather than less. */
    private static final Pattern USER_INFO = Pattern.compile("://.*@");

    final String property;
    final String environmentVariable;
    private final String server;
    private final String fallback;
    private final String example;

    private MediaServerUrl(String server, String property, String environmentVariable, String fallback, String example) {
        this.server = server;
        this.property = property;
        this.environmentVariable = environmentVariable;
        this.fallback = fallback;
        this.example = example;
    }

    /** The property wins; the environment variable is the deployments' short name for the same setting. */
    String configured(Environment environment) {
        String url = environment.getProperty(property);
        if (url == null || url.isBlank()) {
            url = environment.getProperty(environmentVariable, fallback);
        }
        return url.trim();
    }

    /**
     * Every server of a pool: the list property ({@code ...urls}) wins, then the list variable
     * ({@code KMS_URLS}, {@code JANUS_URLS}; comma-separated), then the one URL of {@link #configured}.
     */
    List<String> configuredList(Environment environment, List<String> boundList) {
        List<String> urls = nonBlank(boundList);
        if (urls.isEmpty()) {
            urls = nonBlank(List.of(environment.getProperty(listVariable(), "").split(",")));
        }
        return urls.isEmpty() ? List.of(configured(environment)) : urls;
    }

    String listProperty() {
        return property + "s";
    }

    String listVariable() {
        return environmentVariable + "S";
    }

    private static List<String> nonBlank(List<String> values) {
        return values.stream().map(String::trim).filter(value -> !value.isEmpty()).toList();
    }

    /** A ws:// or wss:// URL with a host, or a {@link Misconfiguration} that says how to fix it. */
    URI parse(String url) {
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

    private Misconfiguration malformed(String url, String problem) {
        return new Misconfiguration(server + " URL '" + withoutSecrets(url) + "' (" + environmentVariable + " or "
                + property + "; for several servers " + listVariable() + " or " + listProperty() + ") cannot be used: "
                + problem + ".",
                "Set " + environmentVariable + " to " + example
                        + ", or use chatforyou.media.backend=mesh, which needs no media server.");
    }
}
