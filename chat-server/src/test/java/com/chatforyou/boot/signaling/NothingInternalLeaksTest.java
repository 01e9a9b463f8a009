package com.chatforyou.boot.signaling;

import static com.chatforyou.boot.signaling.SignalingTestClient.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.stereotype.Controller;
import tools.jackson.databind.JsonNode;

/** Server faults reach the client only as a generic internal-error; room passwords reach no log. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class NothingInternalLeaksTest {
    private static final String INTERNAL_DETAIL = "db-password=hunter2 at com.chatforyou.Secret";

    @LocalServerPort
    int port;

    private final List<SignalingTestClient> clients = new ArrayList<>();

    @AfterEach
    void disconnect() {
        clients.forEach(SignalingTestClient::close);
    }

    @Test
    void anUnexpectedExceptionInAControllerIsAGenericInternalError(CapturedOutput output) throws Exception {
        SignalingTestClient ann = connect();

        ann.sendRaw("/app/test.explode", "{}");

        JsonNode error = ann.next("error");
        assertThat(error.path("code").asString()).isEqualTo("internal-error");
        assertThat(error.path("message").asString()).isEqualTo("Something went wrong on the server");
        assertThat(error.toString()).doesNotContain("hunter2", "Exception", "com.chatforyou");
        assertThat(ann.isConnected()).isTrue();
        // The operator does get the detail.
        assertThat(output.getOut() + output.getErr()).contains(INTERNAL_DETAIL);
    }

    @Test
    void aRoomPasswordIsNeverLogged(CapturedOutput output) throws Exception {
        String password = "Pa55-" + uniqueName("never-logged");
        SignalingTestClient ann = connect();
        String roomId = ann.createRoom(uniqueName("Locked"), null, password);
        ann.join(roomId, "Ann", password, false, false);
        SignalingTestClient bob = connect();
        bob.requestJoin(roomId, "Bob", password + "-wrong", false, false);
        assertThat(bob.next("error").path("code").asString()).isEqualTo("wrong-password");
        bob.requestJoin(roomId, "Bob", "x".repeat(200), false, false);
        bob.next("error");

        assertThat(output.getOut() + output.getErr()).doesNotContain(password).doesNotContain("x".repeat(200));
    }

    private SignalingTestClient connect() throws Exception {
        SignalingTestClient client = SignalingTestClient.connect(port);
        clients.add(client);
        return client;
    }

    @TestConfiguration
    static class ExplodingController {
        @Bean
        Exploding exploding() {
            return new Exploding();
        }
    }

    /** A handler with a bug, standing in for any unexpected failure on the server. */
    @Controller
    static class Exploding {
        @MessageMapping("/test.explode")
        void explode() {
            throw new IllegalStateException(INTERNAL_DETAIL);
        }
    }
}
