package com.chatforyou.boot.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A setting the server cannot work with stops the start at once, and Spring Boot's failure report
 * says what is wrong (Description) and what to change (Action), without a stack trace to dig through.
 */
@ExtendWith(OutputCaptureExtension.class)
class MisconfigurationFailsFastTest {

    @Test
    void an_unknown_backend_name(CapturedOutput output) {
        assertThatThrownBy(() -> Launch.start(Map.of("CHATFORYOU_MEDIA_BACKEND", "jitsi"))).isNotNull();

        assertThat(report(output))
                .contains("chatforyou.media.backend (CHATFORYOU_MEDIA_BACKEND) is 'jitsi', which is not a media backend")
                .contains("Action:")
                .contains("Set CHATFORYOU_MEDIA_BACKEND to mesh (peer-to-peer, no media server; the default), kurento")
                .contains("or janus (an SFU; also set JANUS_URL)");
    }

    @Test
    void a_janus_url_that_is_not_a_websocket_url(CapturedOutput output) {
        assertThatThrownBy(() -> Launch.start(Map.of("CHATFORYOU_MEDIA_BACKEND", "janus",
                "JANUS_URL", "http://janus:8088/janus"))).isNotNull();

        assertThat(report(output))
                .contains("The Janus server URL 'http://janus:8088/janus' (JANUS_URL or chatforyou.media.janus.url; "
                        + "for several servers JANUS_URLS or chatforyou.media.janus.urls) cannot be used: it must start "
                        + "with ws:// or wss://")
                .contains("Set JANUS_URL to Janus' WebSocket transport");
    }

    @Test
    void a_kms_url_that_is_not_a_websocket_url(CapturedOutput output) {
        assertThatThrownBy(() -> Launch.start(Map.of("CHATFORYOU_MEDIA_BACKEND", "kurento",
                "KMS_URL", "http://kms:8888/kurento"))).isNotNull();

        assertThat(report(output))
                .contains("The Kurento Media Server URL 'http://kms:8888/kurento' (KMS_URL or chatforyou.media.kurento.url; "
                        + "for several servers KMS_URLS or chatforyou.media.kurento.urls) cannot be used: it must start "
                        + "with ws:// or wss://")
                .contains("Set KMS_URL to the KMS WebSocket URL, e.g. ws://kms.example.org:8888/kurento");
    }

    @Test
    void a_kms_url_without_a_host_and_its_password_stays_hidden(CapturedOutput output) {
        assertThatThrownBy(() -> Launch.start(Map.of("CHATFORYOU_MEDIA_BACKEND", "kurento",
                "KMS_URL", "ws://user:hidden-pw@kms_server:8888/kurento"))).isNotNull();

        assertThat(report(output)).contains("cannot be used: it has no host name").doesNotContain("hidden-pw");
        assertThat(output.getAll()).doesNotContain("hidden-pw");
    }

    @Test
    void a_bad_url_among_several_kms_urls(CapturedOutput output) {
        assertThatThrownBy(() -> Launch.start(Map.of("CHATFORYOU_MEDIA_BACKEND", "kurento",
                "KMS_URLS", "ws://127.0.0.1:9/kurento, http://kms-b:8888/kurento"))).isNotNull();

        assertThat(report(output)).contains("The Kurento Media Server URL 'http://kms-b:8888/kurento'")
                .contains("it must start with ws:// or wss://");
    }

    @Test
    void the_same_media_server_twice(CapturedOutput output) {
        assertThatThrownBy(() -> Launch.start(Map.of("CHATFORYOU_MEDIA_BACKEND", "janus",
                "JANUS_URLS", "ws://127.0.0.1:9/,ws://127.0.0.1:9/janus"))).isNotNull();

        assertThat(report(output)).contains("Two media servers are at 127.0.0.1:9.");
    }

    @Test
    void an_unknown_placement_strategy_or_draining_server(CapturedOutput output) {
        assertThatThrownBy(() -> Launch.start(Map.of("CHATFORYOU_MEDIA_BACKEND", "kurento",
                "KMS_URL", "ws://127.0.0.1:9/kurento", "CHATFORYOU_MEDIA_POOL_PLACEMENT", "round-robin"))).isNotNull();
        assertThatThrownBy(() -> Launch.start(Map.of("CHATFORYOU_MEDIA_BACKEND", "kurento",
                "KMS_URL", "ws://127.0.0.1:9/kurento", "CHATFORYOU_MEDIA_POOL_DRAINING", "kms-c:8888"))).isNotNull();

        assertThat(report(output))
                .contains("chatforyou.media.pool.placement is 'round-robin', which is not a placement strategy.")
                .contains("least-streams, least-rooms, least-participants, least-cpu");
        assertThat(output.getAll()).contains("chatforyou.media.pool.draining names [kms-c:8888], but the servers are "
                + "[127.0.0.1:9].");
    }

    @Test
    void fewer_janus_admin_urls_than_servers(CapturedOutput output) {
        assertThatThrownBy(() -> Launch.start(Map.of("CHATFORYOU_MEDIA_BACKEND", "janus",
                "JANUS_URLS", "ws://127.0.0.1:9/,ws://127.0.0.2:9/",
                "CHATFORYOU_MEDIA_JANUS_ADMIN_URLS", "ws://127.0.0.1:7188/"))).isNotNull();

        assertThat(report(output)).contains("There are 2 Janus servers but 1 Admin API URLs");
    }

    @Test
    void rest_turn_mode_without_a_secret(CapturedOutput output) {
        assertThatThrownBy(() -> Launch.start(Map.of("CHATFORYOU_TURN_MODE", "rest",
                "CHATFORYOU_TURN_URLS", "turn:turn.example.org:3478?transport=udp"))).isNotNull();

        assertThat(report(output))
                .contains("The STUN/TURN settings cannot be used: chatforyou.turn.mode=rest needs the secret shared "
                        + "with the TURN server: chatforyou.turn.secret or the environment variable CHATFORYOU_TURN_SECRET")
                .contains("Action:")
                .contains("rest needs CHATFORYOU_TURN_URLS and CHATFORYOU_TURN_SECRET");
    }

    /** Spring Boot's "APPLICATION FAILED TO START" block, which only a failure analyzer produces. */
    private static String report(CapturedOutput output) {
        String all = output.getAll();
        int start = all.indexOf("APPLICATION FAILED TO START");
        assertThat(start).as("a failure analysis was printed").isNotNegative();
        String report = all.substring(start);
        assertThat(report).contains("Description:").contains("Action:");
        return report;
    }
}
