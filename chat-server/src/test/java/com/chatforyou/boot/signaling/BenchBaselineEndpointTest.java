package com.chatforyou.boot.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The benchmark's bare baseline endpoint: there only when asked for, and doing what the bench expects. */
class BenchBaselineEndpointTest {

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "chatforyou.bench.baseline-endpoint=true")
    class WhenEnabled {

        @LocalServerPort
        int port;

        @Test
        void echoAnswersTheCallerWithItsOwnBody() throws Exception {
            try (SignalingTestClient client = SignalingTestClient.connect(port)) {
                client.send("/app/bench.echo", Map.of("seq", 7));

                assertThat(client.next("bench-echo").at("/echo/seq").asInt()).isEqualTo(7);
            }
        }

        @Test
        void broadcastReachesEveryGroupMemberOnceAndNobodyElse() throws Exception {
            try (SignalingTestClient ann = SignalingTestClient.connect(port);
                 SignalingTestClient bob = SignalingTestClient.connect(port);
                 SignalingTestClient outsider = SignalingTestClient.connect(port)) {
                String group = SignalingTestClient.uniqueName("group");
                ann.send("/app/bench.group", Map.of("group", group));
                ann.next("bench-grouped");
                bob.send("/app/bench.group", Map.of("group", group));
                bob.next("bench-grouped");
                outsider.send("/app/bench.group", Map.of("group", group + "-other"));
                outsider.next("bench-grouped");

                ann.send("/app/bench.broadcast", Map.of("text", "one"));
                ann.send("/app/bench.broadcast", Map.of("text", "two"));

                for (SignalingTestClient member : new SignalingTestClient[] {ann, bob}) {
                    assertThat(member.next("bench-broadcast").path("text").asString()).isEqualTo("one");
                    assertThat(member.next("bench-broadcast").path("text").asString()).isEqualTo("two");
                }
                // The outsider's own echo comes after anything the broadcast could have sent it.
                outsider.send("/app/bench.echo", Map.of("probe", true));
                assertThat(outsider.next("bench-echo").at("/echo/probe").asBoolean()).isTrue();
            }
        }

        @Test
        void aGroupWithoutANameIsAMalformedMessage() throws Exception {
            try (SignalingTestClient client = SignalingTestClient.connect(port)) {
                client.send("/app/bench.group", Map.of("text", "no group"));

                JsonNode error = client.next("error");
                assertThat(error.path("code").asString()).isEqualTo("malformed-message");
            }
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    class ByDefault {

        @LocalServerPort
        int port;

        @Test
        void theEndpointDoesNotExist() throws Exception {
            try (SignalingTestClient client = SignalingTestClient.connect(port)) {
                client.send("/app/bench.echo", Map.of("seq", 1));

                JsonNode error = client.next("error");
                assertThat(error.path("code").asString()).isEqualTo("unknown-destination");
                assertThat(error.path("destination").asString()).isEqualTo("/app/bench.echo");
            }
        }
    }
}
