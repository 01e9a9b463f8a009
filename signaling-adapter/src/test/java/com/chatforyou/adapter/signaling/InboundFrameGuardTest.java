package com.chatforyou.adapter.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.chatforyou.adapter.signaling.dto.ErrorEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;

class InboundFrameGuardTest {

    private static final ConnectionPrincipal CONNECTION = new ConnectionPrincipal("c1");

    private final SimpMessageSendingOperations messaging = mock(SimpMessageSendingOperations.class);
    private final InboundFrameGuard guard = new InboundFrameGuard(new ErrorReplies(messaging));
    private final MessageChannel inbound = mock(MessageChannel.class);

    @ParameterizedTest
    @ValueSource(strings = {"/user/queue/events", "/topic/lobby"})
    void theDocumentedSubscriptionsPass(String destination) {
        Message<byte[]> subscribe = frame(StompCommand.SUBSCRIBE, destination, "");

        assertThat(guard.preSend(subscribe, inbound)).isSameAs(subscribe);
        verify(messaging, never()).convertAndSendToUser(anyString(), anyString(), any());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/topic/secret", "/queue/events", "/queue/events-usersomeoneelse", "/user/queue/other",
            "/app/lobby.rooms", "/topic/lobby/x"})
    void anyOtherSubscriptionIsDroppedAndAnswered(String destination) {
        Message<byte[]> subscribe = frame(StompCommand.SUBSCRIBE, destination, "");

        assertThat(guard.preSend(subscribe, inbound)).isNull();
        verify(messaging).convertAndSendToUser("c1", "/queue/events", new ErrorEvent("unknown-destination",
                "You cannot subscribe to " + destination, destination));
    }

    @Test
    void aConnectionGetsAFixedNumberOfSubscriptionsAndAnotherConnectionIsUnaffected() {
        Map<String, Object> flooding = new ConcurrentHashMap<>();
        for (int i = 0; i < InboundFrameGuard.MAX_SUBSCRIPTIONS_PER_CONNECTION; i++) {
            Message<byte[]> subscribe = inSession(frame(StompCommand.SUBSCRIBE, "/topic/lobby", ""), flooding);
            assertThat(guard.preSend(subscribe, inbound)).as("subscription %d", i).isSameAs(subscribe);
        }

        assertThat(guard.preSend(inSession(frame(StompCommand.SUBSCRIBE, "/topic/lobby", ""), flooding), inbound))
                .isNull();
        verify(messaging).convertAndSendToUser("c1", "/queue/events", new ErrorEvent("rate-limited",
                "At most 32 subscriptions per connection", "/topic/lobby"));
        Message<byte[]> another = inSession(frame(StompCommand.SUBSCRIBE, "/topic/lobby", ""), new ConcurrentHashMap<>());
        assertThat(guard.preSend(another, inbound)).isSameAs(another);
    }

    @Test
    void sendsToTheApplicationPass() {
        Message<byte[]> send = frame(StompCommand.SEND, "/app/chat.send", "{\"roomId\":\"r1\",\"text\":\"hi\"}");

        assertThat(guard.preSend(send, inbound)).isSameAs(send);
        verify(messaging, never()).convertAndSendToUser(anyString(), anyString(), any());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/topic/lobby", "/queue/events", "/user/c2/queue/events", "/app", "/application/x"})
    void sendsAnywhereElseAreDroppedAndAnswered(String destination) {
        Message<byte[]> send = frame(StompCommand.SEND, destination, "{}");

        assertThat(guard.preSend(send, inbound)).isNull();
        verify(messaging).convertAndSendToUser("c1", "/queue/events", new ErrorEvent("unknown-destination",
                "You cannot send to " + destination, destination));
    }

    @Test
    void aBodyOfExactly64KiBPasses() {
        Message<byte[]> send = frame(StompCommand.SEND, "/app/chat.send", "x".repeat(64 * 1024));

        assertThat(guard.preSend(send, inbound)).isSameAs(send);
    }

    @Test
    void aLargerBodyIsFrameTooLarge() {
        Message<byte[]> send = frame(StompCommand.SEND, "/app/chat.send", "x".repeat(64 * 1024 + 1));

        assertThat(guard.preSend(send, inbound)).isNull();
        verify(messaging).convertAndSendToUser("c1", "/queue/events", new ErrorEvent("frame-too-large",
                "The message body is over the limit of 65536 bytes", "/app/chat.send"));
    }

    @Test
    void theLimitCountsBytesNotCharacters() {
        Message<byte[]> send = frame(StompCommand.SEND, "/app/chat.send", "é".repeat(40 * 1024));

        assertThat(guard.preSend(send, inbound)).isNull();
    }

    @Test
    void connectionHousekeepingPasses() {
        for (StompCommand command : new StompCommand[] {StompCommand.CONNECT, StompCommand.UNSUBSCRIBE,
                StompCommand.DISCONNECT}) {
            Message<byte[]> frame = frame(command, null, "");

            assertThat(guard.preSend(frame, inbound)).isSameAs(frame);
        }
        verify(messaging, never()).convertAndSendToUser(anyString(), anyString(), any());
    }

    @Test
    void aSendWithoutDestinationIsDroppedWithoutThrowing() {
        Message<byte[]> send = frame(StompCommand.SEND, null, "{}");

        assertThat(guard.preSend(send, inbound)).isNull();
        verify(messaging).convertAndSendToUser("c1", "/queue/events",
                new ErrorEvent("unknown-destination", "You cannot send to null", null));
    }

    private static Message<byte[]> inSession(Message<byte[]> message, Map<String, Object> webSocketSession) {
        StompHeaderAccessor headers = StompHeaderAccessor.wrap(message);
        headers.setSessionAttributes(webSocketSession);
        return MessageBuilder.createMessage(message.getPayload(), headers.getMessageHeaders());
    }

    private static Message<byte[]> frame(StompCommand command, String destination, String body) {
        StompHeaderAccessor headers = StompHeaderAccessor.create(command);
        if (destination != null) {
            headers.setDestination(destination);
        }
        headers.setSessionId("s1");
        headers.setUser(CONNECTION);
        headers.setLeaveMutable(true);
        return MessageBuilder.createMessage(body.getBytes(StandardCharsets.UTF_8), headers.getMessageHeaders());
    }
}
