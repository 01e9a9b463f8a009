package com.chatforyou.boot.janus;

import com.chatforyou.adapter.media.janus.JanusProcess;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points the server under test at a test's own Janus, with short retries so recoveries show quickly. */
final class JanusBackend {
    private JanusBackend() {
    }

    static void use(DynamicPropertyRegistry registry, JanusProcess janus) {
        registry.add("chatforyou.media.backend", () -> "janus");
        registry.add("chatforyou.media.janus.url", janus::url);
        registry.add("chatforyou.media.janus.api-secret", janus::apiSecret);
        registry.add("chatforyou.media.janus.room-admin-key", janus::roomAdminKey);
        registry.add("chatforyou.media.janus.admin-url", janus::adminUrl);
        registry.add("chatforyou.media.janus.admin-secret", janus::adminSecret);
        registry.add("chatforyou.media.janus.first-retry-delay", () -> "100ms");
        registry.add("chatforyou.media.janus.max-retry-delay", () -> "500ms");
        registry.add("chatforyou.media.janus.census-interval", () -> "500ms");
    }
}
