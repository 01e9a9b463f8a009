package com.chatforyou.boot.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.adapter.signaling.controller.HostController;
import com.chatforyou.adapter.signaling.controller.InteractionController;
import com.chatforyou.adapter.signaling.controller.LobbyController;
import com.chatforyou.adapter.signaling.controller.MediaLinkController;
import com.chatforyou.adapter.signaling.controller.ResumeController;
import com.chatforyou.adapter.signaling.controller.RoomAccessController;
import com.chatforyou.adapter.signaling.controller.RoomController;
import com.chatforyou.adapter.signaling.dto.ServerEvent;
import com.chatforyou.domain.model.ErrorCode;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.handler.annotation.MessageMapping;

/**
 * docs/signaling-protocol.md names every destination a client may send to, every event type the
 * server sends and every error code: a message added without its documentation fails here.
 */
class ProtocolIsDocumentedTest {
    private static final Path PROTOCOL = Path.of("..", "docs", "signaling-protocol.md");
    private static final List<Class<?>> CONTROLLERS = List.of(LobbyController.class, RoomController.class,
            ResumeController.class, MediaLinkController.class, HostController.class, RoomAccessController.class,
            InteractionController.class);

    private static String protocol() throws IOException {
        return Files.readString(PROTOCOL);
    }

    @Test
    void every_destination_is_documented() throws IOException {
        List<String> destinations = CONTROLLERS.stream()
                .flatMap(controller -> Arrays.stream(controller.getMethods()))
                .map(method -> method.getAnnotation(MessageMapping.class))
                .filter(mapping -> mapping != null)
                .flatMap(mapping -> Arrays.stream(mapping.value()))
                .map(path -> "`/app" + path + "`")
                .toList();

        assertThat(destinations).hasSizeGreaterThan(20);
        assertThat(protocol()).contains(destinations);
    }

    @Test
    void every_event_type_is_documented() throws IOException {
        List<String> types = Stream.of(ServerEvent.class.getPermittedSubclasses())
                .map(event -> "\"type\":\"" + event.getAnnotation(JsonTypeName.class).value() + "\"")
                .toList();

        assertThat(protocol()).contains(types);
    }

    @Test
    void every_error_code_is_documented() throws IOException {
        List<String> codes = Arrays.stream(ErrorCode.values()).map(code -> "| `" + code.wireCode() + "` |").toList();

        assertThat(protocol()).contains(codes);
    }
}
