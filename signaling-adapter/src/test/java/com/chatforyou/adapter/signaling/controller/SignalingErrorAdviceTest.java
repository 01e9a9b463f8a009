package com.chatforyou.adapter.signaling.controller;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.chatforyou.adapter.signaling.ConnectionPrincipal;
import com.chatforyou.adapter.signaling.ErrorReplies;
import com.chatforyou.adapter.signaling.dto.ErrorEvent;
import com.chatforyou.domain.model.ChatException;
import com.chatforyou.domain.model.ErrorCode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;

class SignalingErrorAdviceTest {

    private final SimpMessageSendingOperations messaging = mock(SimpMessageSendingOperations.class);
    private final SignalingErrorAdvice advice = new SignalingErrorAdvice(new ErrorReplies(messaging));
    private final Message<byte[]> join = send("/app/room.join");

    @Test
    void aRefusalKeepsItsCodeAndMessage() {
        advice.refused(new ChatException(ErrorCode.ROOM_FULL, "The room is full (6 participants)"), join);

        verify(messaging).convertAndSendToUser("c1", "/queue/events",
                new ErrorEvent("room-full", "The room is full (6 participants)", "/app/room.join"));
    }

    @Test
    void aBodyThatDoesNotParseIsMalformedWithoutParserDetails() {
        advice.malformed(new MessageConversionException("Could not read JSON: Unexpected end-of-input at [Source: ...]"),
                join);

        verify(messaging).convertAndSendToUser("c1", "/queue/events", new ErrorEvent("malformed-message",
                "The message body is not JSON or does not have the documented shape", "/app/room.join"));
    }

    @Test
    void aRefusalRaisedWhileParsingKeepsItsCode() {
        var missingField = new MessageConversionException("Could not read JSON",
                new IllegalStateException("wrapped", new ChatException(ErrorCode.MALFORMED_MESSAGE, "roomId is required")));

        advice.malformed(missingField, join);

        verify(messaging).convertAndSendToUser("c1", "/queue/events",
                new ErrorEvent("malformed-message", "roomId is required", "/app/room.join"));
    }

    @Test
    void aServerFaultTellsTheClientNothingAboutIt() {
        advice.failed(new IllegalStateException("database password is hunter2"), join);

        verify(messaging).convertAndSendToUser("c1", "/queue/events",
                new ErrorEvent("internal-error", "Something went wrong on the server", "/app/room.join"));
    }

    private static Message<byte[]> send(String destination) {
        StompHeaderAccessor headers = StompHeaderAccessor.create(StompCommand.SEND);
        headers.setDestination(destination);
        headers.setUser(new ConnectionPrincipal("c1"));
        return MessageBuilder.createMessage("{}".getBytes(StandardCharsets.UTF_8), headers.getMessageHeaders());
    }
}
