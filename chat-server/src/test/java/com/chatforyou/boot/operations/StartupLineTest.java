package com.chatforyou.boot.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One INFO line at start names the backend, KMS, TURN mode, memory and participant cap, and never a secret; a
 * cap over what the heap holds gets a warning.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupLineTest {
    private static final String KMS_PASSWORD = "kms-pass-5f1e0c";
    private static final String TURN_SECRET = "turn-secret-0123456789abcdef0123456789abcdef";

    @Test
    void the_line_names_backend_kms_turn_mode_and_memory_without_any_secret(CapturedOutput output) {
        // Port 9 (discard) is closed on loopback: KMS stays unreachable, which start-up tolerates.
        try (ConfigurableApplicationContext app = Launch.start(Map.of(
                "CHATFORYOU_MEDIA_BACKEND", "kurento",
                "KMS_URL", "ws://kmsuser:" + KMS_PASSWORD + "@127.0.0.1:9/kurento",
                "CHATFORYOU_TURN_MODE", "rest",
                "CHATFORYOU_TURN_URLS", "turn:turn.example.org:3478?transport=udp",
                "CHATFORYOU_TURN_SECRET", TURN_SECRET))) {
            assertThat(app.isActive()).isTrue();
        }

        List<String> lines = startupLines(output);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains(" INFO ")
                .contains("media backend kurento (KMS ws://127.0.0.1:9/kurento)")
                .contains("TURN mode rest")
                .containsPattern("max heap \\d+ MiB, \\d+ processors, total memory \\d+ MiB");
        assertThat(output.getAll()).doesNotContain(KMS_PASSWORD).doesNotContain(TURN_SECRET);
    }

    @Test
    void on_mesh_no_kms_is_named(CapturedOutput output) {
        try (ConfigurableApplicationContext app = Launch.start(Map.of())) {
            assertThat(app.isActive()).isTrue();
        }

        List<String> lines = startupLines(output);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("media backend mesh, TURN mode none").doesNotContain("KMS")
                .containsPattern("max participants \\d+ \\(derived from the max heap; set "
                        + "chatforyou.rooms.max-participants to override\\), max connections \\d+");
        assertThat(output.getAll()).doesNotContain(" WARN ");
    }

    @Test
    void a_configured_participant_cap_over_what_the_heap_holds_is_warned_about_with_the_numbers(
            CapturedOutput output) {
        try (ConfigurableApplicationContext app = Launch.start(Map.of(
                "CHATFORYOU_ROOMS_MAXPARTICIPANTS", "100000000"))) {
            assertThat(app.isActive()).isTrue();
        }

        assertThat(startupLines(output).get(0)).containsPattern(
                "max participants 100000000 \\(configured; the heap holds about \\d+\\)");
        assertThat(output.getAll().lines().filter(line -> line.contains(" WARN ")).toList()).singleElement()
                .asString()
                .contains("chatforyou.rooms.max-participants is 100000000")
                .containsPattern("a max heap of \\d+ MiB holds about \\d+ participants \\(64 KiB each");
    }

    private static List<String> startupLines(CapturedOutput output) {
        return output.getAll().lines().filter(line -> line.contains("ChatForYou starting:")).toList();
    }
}
