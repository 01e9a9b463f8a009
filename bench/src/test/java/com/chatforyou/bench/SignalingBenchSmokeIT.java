package com.chatforyou.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A few participants through the whole benchmark against the real server jar, so the tool cannot
 * rot. Only correctness is asserted (everyone joined, every message delivered once, every figure
 * reported); timings are the benchmark's business, never a test's.
 */
class SignalingBenchSmokeIT {

    @Test
    void aSmallRunDeliversEverythingAndReportsEveryFigure() throws Exception {
        Path output = Path.of(System.getProperty("chatforyou.bench.output-dir", "target/smoke"));
        Path jar = Path.of(System.getProperty("chatforyou.bench.server-jar",
                "../chat-server/target/chat-server-0.1.0-SNAPSHOT.jar"));
        BenchConfig config = BenchConfig.parse(new String[] {
                "--participants=6", "--room-size=3", "--messages=4", "--warmup=3", "--lobby-watchers=2",
                "--server-jar=" + jar, "--output=" + output});

        SignalingBench.run(config);

        JsonNode results = JsonMapper.builder().build().readTree(Files.readString(output.resolve("results.json")));
        JsonNode figures = results.path("figures");
        for (String key : BenchReport.REQUIRED_FIGURES) {
            assertThat(figures.path(key).isNumber()).as("figure %s in %s", key, figures).isTrue();
        }
        assertThat(figures.path("participants_joined").asInt()).isEqualTo(6);
        assertThat(figures.path("baseline_sessions_connected").asInt()).isEqualTo(6);
        // Two rooms of 3, 4 messages from each member, each to all 3 members.
        assertThat(figures.path("chat_deliveries_expected").asLong()).isEqualTo(6 * 4 * 3);
        assertThat(figures.path("chat_deliveries").asLong()).isEqualTo(6 * 4 * 3);
        assertThat(figures.path("baseline_broadcast_deliveries").asLong()).isEqualTo(6 * 4 * 3);
        for (String zero : List.of("chat_lost", "chat_duplicated", "chat_out_of_order", "chat_misrouted",
                "chat_messages_refused", "baseline_broadcast_lost", "baseline_broadcast_duplicated", "errors_total")) {
            assertThat(figures.path(zero).asLong()).as(zero).isZero();
        }
        // Everyone sends audio: in a room of 3, 3 x 2 links, each offered, answered and trickled both ways.
        assertThat(figures.path("links_opened").asLong()).isEqualTo(12);
        assertThat(figures.path("links_negotiated").asLong()).isEqualTo(12);
        assertThat(figures.path("negotiation_candidates_received").asLong()).isEqualTo(12 * 4);
        assertThat(figures.path("lobby_lists_received").asLong()).isPositive();
        assertThat(results.path("targets")).hasSize(BenchReport.TARGETS.size());
        for (JsonNode target : results.path("targets")) {
            assertThat(target.path("result").asString()).isIn("PASS", "MISS");
        }
        assertThat(Files.readString(output.resolve("results.csv"))).contains("figure,chat_lost,0");
        assertThat(output.resolve("server.log")).exists();
    }
}
