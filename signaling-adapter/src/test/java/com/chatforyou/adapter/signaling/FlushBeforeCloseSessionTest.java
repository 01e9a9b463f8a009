package com.chatforyou.adapter.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * A STOMP ERROR frame handed over while another thread is still sending to the same client reaches
 * that client before the close that follows it.
 */
class FlushBeforeCloseSessionTest {
    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final int BUFFER_LIMIT_BYTES = 512 * 1024;

    private final List<String> written = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstSendStarted = new CountDownLatch(1);
    private final CountDownLatch releaseFirstSend = new CountDownLatch(1);
    private final WebSocketSession client = mock(WebSocketSession.class);
    private final ExecutorService sender = Executors.newSingleThreadExecutor();
    private final FlushBeforeCloseSession session = new FlushBeforeCloseSession(client, SEND_TIME_LIMIT_MS, BUFFER_LIMIT_BYTES);

    FlushBeforeCloseSessionTest() throws Exception {
        when(client.getId()).thenReturn("client");
        when(client.isOpen()).thenReturn(true);
        doAnswer(invocation -> {
            String text = ((TextMessage) invocation.getArgument(0)).getPayload();
            if (text.equals("MESSAGE refused")) {
                firstSendStarted.countDown();
                releaseFirstSend.await(10, TimeUnit.SECONDS);
            }
            written.add(text);
            return null;
        }).when(client).sendMessage(any());
        doAnswer(invocation -> {
            written.add("close " + ((CloseStatus) invocation.getArgument(0)).getCode());
            return null;
        }).when(client).close(any());
    }

    @AfterEach
    void stopSender() {
        sender.shutdownNow();
    }

    /** Another thread starts sending a refusal, and the client holds that write until released. */
    private Future<?> refusalBeingWritten() throws InterruptedException {
        Future<?> refusal = sender.submit(() -> {
            session.sendMessage(new TextMessage("MESSAGE refused"));
            return null;
        });
        assertThat(firstSendStarted.await(10, TimeUnit.SECONDS)).isTrue();
        return refusal;
    }

    @Test
    void theErrorFrameBufferedBehindAnotherSendIsWrittenBeforeTheClose() throws Exception {
        Future<?> refusal = refusalBeingWritten();

        // What StompSubProtocolHandler does with an ERROR frame: hand it over, then close at once.
        session.sendMessage(new TextMessage("ERROR rate-limited"));
        session.close(CloseStatus.PROTOCOL_ERROR);
        session.sendMessage(new TextMessage("MESSAGE after the error"));
        assertThat(written).isEmpty();

        releaseFirstSend.countDown();
        refusal.get(10, TimeUnit.SECONDS);
        assertThat(written).containsExactly("MESSAGE refused", "ERROR rate-limited", "close 1002");
    }

    @Test
    void withNothingBeingSentTheErrorFrameAndTheCloseGoAtOnce() throws Exception {
        session.sendMessage(new TextMessage("ERROR rate-limited"));
        session.close(CloseStatus.PROTOCOL_ERROR);
        assertThat(written).containsExactly("ERROR rate-limited", "close 1002");
    }

    @Test
    void anyOtherCloseDoesNotWaitForWhatIsBeingSent() throws Exception {
        Future<?> refusal = refusalBeingWritten();
        session.sendMessage(new TextMessage("MESSAGE queued"));

        session.close(CloseStatus.SESSION_NOT_RELIABLE);
        assertThat(written).containsExactly("close " + CloseStatus.SESSION_NOT_RELIABLE.getCode());
        releaseFirstSend.countDown();
        refusal.get(10, TimeUnit.SECONDS);
        assertThat(written).containsExactly("close " + CloseStatus.SESSION_NOT_RELIABLE.getCode(), "MESSAGE refused");
    }
}
