package com.chatforyou.adapter.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.adapter.signaling.dto.RoomsEvent;
import com.chatforyou.domain.model.Capacity;
import com.chatforyou.domain.model.CapacityLimits;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.model.RoomName;
import com.chatforyou.domain.model.RoomSummary;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessagingTemplate;

/** Room lists are read and sent on the notifier's own thread, the newest last, overtaken ones skipped. */
class StompParticipantNotifierTest {

    private final List<Message<?>> published = new CopyOnWriteArrayList<>();
    private final List<String> publishingThreads = new CopyOnWriteArrayList<>();
    private final List<String> readingThreads = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstPublishMayFinish = new CountDownLatch(1);

    private final SimpMessagingTemplate messaging = new SimpMessagingTemplate((message, timeout) -> {
        publishingThreads.add(Thread.currentThread().getName());
        try {
            firstPublishMayFinish.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        published.add(message);
        return true;
    });

    @Test
    void listsChangedWhileOneIsGoingOutAreSentOnceAsTheNewestAndNotOnTheCallersThread() throws Exception {
        messaging.setMessageConverter(new org.springframework.messaging.converter.SimpleMessageConverter() {
            @Override
            public Message<?> toMessage(Object payload, org.springframework.messaging.MessageHeaders headers) {
                return org.springframework.messaging.support.MessageBuilder.withPayload(payload)
                        .copyHeaders(headers).build();
            }
        });
        AtomicInteger roomCount = new AtomicInteger(1);
        Supplier<List<RoomSummary>> currentRooms = () -> {
            readingThreads.add(Thread.currentThread().getName());
            return rooms(roomCount.get());
        };
        try (StompParticipantNotifier notifier = new StompParticipantNotifier(messaging, new CapacityLimits(6, 8))) {
            notifier.roomListChanged(currentRooms);
            awaitPublishing(1);
            for (int count = 2; count <= 5; count++) {
                roomCount.set(count);
                notifier.roomListChanged(currentRooms);
            }
            firstPublishMayFinish.countDown();
            awaitPublished(2);
        }

        assertThat(publishingThreads).containsOnly("lobby-publisher");
        assertThat(readingThreads).as("the list is read where it is sent, once per list sent")
                .containsExactly("lobby-publisher", "lobby-publisher");
        assertThat(published).extracting(message -> ((RoomsEvent) message.getPayload()).rooms().size())
                .as("the first list, then only the newest of those that came while it went out")
                .containsExactly(1, 5);
    }

    private void awaitPublishing(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (publishingThreads.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private void awaitPublished(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (published.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private static List<RoomSummary> rooms(int count) {
        return java.util.stream.IntStream.rangeClosed(1, count)
                .mapToObj(i -> new RoomSummary(new RoomId("room-" + i), new RoomName("Room " + i), 0, new Capacity(6),
                        false))
                .toList();
    }
}
