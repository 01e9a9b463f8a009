package com.chatforyou.adapter.signaling.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.chatforyou.adapter.signaling.ConnectionPrincipal;
import com.chatforyou.adapter.signaling.ErrorReplies;
import com.chatforyou.adapter.signaling.dto.ErrorEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;

class SessionRateLimiterTest {

    private static final RateLimitSettings SETTINGS = new RateLimitSettings(
            new RateLimit(2, 3), new RateLimit(10, 5), new RateLimit(1, 2), new RateLimit(1, 2));

    private long nanos = 1_000;
    private final SimpMessageSendingOperations messaging = mock(SimpMessageSendingOperations.class);
    private final List<Message<?>> toClients = new ArrayList<>();
    private final MessageChannel outbound = (message, timeout) -> toClients.add(message);
    private final SessionRateLimiter limiter = new SessionRateLimiter(SETTINGS, new ErrorReplies(messaging),
            outbound, () -> nanos);
    private final MessageChannel inbound = (message, timeout) -> true;

    @Test
    void aBurstPassesAndTheNextMessageIsRefusedWithATypedError() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.preSend(send("s1", "/app/chat.send"), inbound)).as("message %d", i).isNotNull();
        }

        assertThat(limiter.preSend(send("s1", "/app/chat.send"), inbound)).isNull();
        verify(messaging).convertAndSendToUser("c-s1", "/queue/events",
                new ErrorEvent("rate-limited", "Too many messages; slow down", "/app/chat.send"));
        assertThat(toClients).isEmpty();
    }

    @Test
    void tokensComeBackAtTheConfiguredRate() {
        for (int i = 0; i < 3; i++) {
            limiter.preSend(send("s1", "/app/chat.send"), inbound);
        }
        assertThat(limiter.preSend(send("s1", "/app/chat.send"), inbound)).isNull();

        advance(500); // 2 per second: one token back
        assertThat(limiter.preSend(send("s1", "/app/chat.send"), inbound)).isNotNull();
        assertThat(limiter.preSend(send("s1", "/app/chat.send"), inbound)).isNull();
    }

    @Test
    void chatNegotiationAndOtherRequestsHaveTheirOwnBuckets() {
        for (int i = 0; i < 3; i++) {
            limiter.preSend(send("s1", "/app/chat.send"), inbound);
        }
        assertThat(limiter.preSend(send("s1", "/app/chat.send"), inbound)).isNull();

        for (int i = 0; i < 5; i++) {
            assertThat(limiter.preSend(send("s1", i % 2 == 0 ? "/app/link.ice" : "/app/link.sdp"), inbound)).isNotNull();
        }
        assertThat(limiter.preSend(send("s1", "/app/link.ice"), inbound)).isNull();
        assertThat(limiter.preSend(send("s1", "/app/room.join"), inbound)).isNotNull();
    }

    @Test
    void anotherConnectionIsUnaffected() {
        for (int i = 0; i < 3; i++) {
            limiter.preSend(send("s1", "/app/chat.send"), inbound);
        }
        assertThat(limiter.preSend(send("s1", "/app/chat.send"), inbound)).isNull();

        assertThat(limiter.preSend(send("s2", "/app/chat.send"), inbound)).isNotNull();
        verify(messaging, never()).convertAndSendToUser(eq("c-s2"), anyString(), any());
    }

    @Test
    void sustainedAbuseClosesTheConnectionWithAnErrorFrame() {
        for (int i = 0; i < 3; i++) {
            limiter.preSend(send("s1", "/app/chat.send"), inbound);
        }
        // The refusal budget is 2: two typed errors, then the ERROR frame that ends the connection.
        assertThat(limiter.preSend(send("s1", "/app/chat.send"), inbound)).isNull();
        assertThat(limiter.preSend(send("s1", "/app/chat.send"), inbound)).isNull();
        assertThat(toClients).isEmpty();

        assertThat(limiter.preSend(send("s1", "/app/chat.send"), inbound)).isNull();

        verify(messaging, times(2)).convertAndSendToUser(eq("c-s1"), eq("/queue/events"), any());
        assertThat(toClients).hasSize(1);
        StompHeaderAccessor error = StompHeaderAccessor.wrap(toClients.get(0));
        assertThat(error.getCommand()).isEqualTo(StompCommand.ERROR);
        assertThat(error.getSessionId()).isEqualTo("s1");
        assertThat(error.getMessage()).isEqualTo("rate-limited");
    }

    @Test
    void occasionalRefusalsDoNotAddUpToAClose() {
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < 3; i++) {
                limiter.preSend(send("s1", "/app/chat.send"), inbound);
            }
            advance(2_000);
        }

        assertThat(toClients).isEmpty();
    }

    @Test
    void aClosedConnectionIsForgotten() {
        limiter.preSend(send("s1", "/app/chat.send"), inbound);
        assertThat(limiter.trackedSessions()).isEqualTo(1);

        limiter.preSend(frame(StompCommand.DISCONNECT, "s1", null), inbound);

        assertThat(limiter.trackedSessions()).isZero();
    }

    @Test
    void aSendHandledAfterItsConnectionClosedLeavesNothingBehind() {
        Map<String, Object> webSocketSession = new ConcurrentHashMap<>();
        limiter.preSend(withSession(frame(StompCommand.DISCONNECT, "s1", null), webSocketSession), inbound);

        assertThat(limiter.preSend(withSession(send("s1", "/app/chat.send"), webSocketSession), inbound)).isNotNull();

        assertThat(limiter.trackedSessions()).isZero();
    }

    @Test
    void subscriptionsAreNotCounted() {
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.preSend(frame(StompCommand.SUBSCRIBE, "s1", "/topic/lobby"), inbound)).isNotNull();
        }
    }

    @Test
    void nonsenseSettingsAreRefused() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new RateLimit(0, 1));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new RateLimit(1, 0));
    }

    private void advance(long millis) {
        nanos += TimeUnit.MILLISECONDS.toNanos(millis);
    }

    private static Message<byte[]> withSession(Message<byte[]> message, Map<String, Object> attributes) {
        StompHeaderAccessor headers = StompHeaderAccessor.wrap(message);
        headers.setSessionAttributes(attributes);
        return MessageBuilder.createMessage(message.getPayload(), headers.getMessageHeaders());
    }

    private static Message<byte[]> send(String session, String destination) {
        return frame(StompCommand.SEND, session, destination);
    }

    private static Message<byte[]> frame(StompCommand command, String session, String destination) {
        StompHeaderAccessor headers = StompHeaderAccessor.create(command);
        headers.setSessionId(session);
        headers.setUser(new ConnectionPrincipal("c-" + session));
        if (destination != null) {
            headers.setDestination(destination);
        }
        return MessageBuilder.createMessage("{}".getBytes(StandardCharsets.UTF_8), headers.getMessageHeaders());
    }
}
