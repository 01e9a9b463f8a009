package com.chatforyou.boot.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The paths a Kubernetes probe and a Prometheus scraper use, on the default mesh backend. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProbesAndMetricsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void liveness_is_up() {
        HttpResponse<String> liveness = Http.get(port, "/actuator/health/liveness");

        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(liveness.body()).path("status").asString()).isEqualTo("UP");
    }

    @Test
    void readiness_is_up_and_includes_the_media_backend() {
        HttpResponse<String> readiness = Http.get(port, "/actuator/health/readiness");

        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        assertThat(JSON.readTree(readiness.body()).path("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheus_serves_text_with_jvm_and_http_metrics() {
        HttpResponse<String> scrape = Http.get(port, "/actuator/prometheus");

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/plain"));
        assertThat(scrape.body()).contains("# TYPE jvm_memory_max_bytes gauge").contains("process_uptime_seconds");
    }

    @Test
    void info_names_the_build_the_java_runtime_and_the_os() {
        HttpResponse<String> info = Http.get(port, "/actuator/info");

        assertThat(info.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(info.body());
        assertThat(body.at("/build/artifact").asString()).isEqualTo("chat-server");
        assertThat(body.at("/java/version").asString()).isNotEmpty();
        assertThat(body.at("/os/name").asString()).isNotEmpty();
    }

    @Test
    void metrics_are_listed() {
        HttpResponse<String> metrics = Http.get(port, "/actuator/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm.memory.used");
    }
}
