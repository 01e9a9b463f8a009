package com.chatforyou.adapter.signaling;

import com.chatforyou.adapter.signaling.mapping.ServerEventMapper;
import com.chatforyou.domain.model.CapacityLimits;
import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.RoomEvent;
import com.chatforyou.domain.model.RoomSummary;
import com.chatforyou.domain.port.out.ParticipantNotifier;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.simp.SimpMessageSendingOperations;

/**
 * Delivers room events to a connection's {@code /user/queue/events} and room lists to
 * {@code /topic/lobby}. The broker preserves publish order per connection, so events arrive in the
 * order the domain sends them.
 *
 * <p>Room lists go out on a thread of their own, the latest one only: every create, join and leave changes
 * the list, and converting it (every room) to JSON for each change, on the joining participant's thread and
 * under the domain's lobby lock, made joins wait for each other (docs/benchmarks.md, join latency). Lobby
 * watchers see the latest list a moment later; a list that was overtaken before it went out is skipped.
 */
public class StompParticipantNotifier implements ParticipantNotifier, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StompParticipantNotifier.class);

    private final SimpMessageSendingOperations messaging;
    private final CapacityLimits capacityLimits;
    private final LobbySettings lobby;
    private final ServerEventMapper events = ServerEventMapper.INSTANCE;
    /** Where to read the room list, and whether a publish is already queued to read it. */
    private volatile Supplier<List<RoomSummary>> roomList;
    private final AtomicBoolean roomListPending = new AtomicBoolean();
    private final ExecutorService lobbyPublisher = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "lobby-publisher");
        thread.setDaemon(true);
        return thread;
    });

    /** {@code capacityLimits} is the media backend's, shown in the lobby so creators can choose. */
    public StompParticipantNotifier(SimpMessageSendingOperations messaging, CapacityLimits capacityLimits) {
        this(messaging, capacityLimits, LobbySettings.LISTED);
    }

    /** With {@code lobby.listRooms()} false, the lobby topic never carries a room. */
    public StompParticipantNotifier(SimpMessageSendingOperations messaging, CapacityLimits capacityLimits,
                                    LobbySettings lobby) {
        this.messaging = messaging;
        this.capacityLimits = capacityLimits;
        this.lobby = lobby;
    }

    @Override
    public void notify(ConnectionId recipient, RoomEvent event) {
        try {
            messaging.convertAndSendToUser(recipient.value(), SignalingDestinations.EVENTS_QUEUE,
                    events.toServerEvent(event));
        } catch (RuntimeException e) {
            // The domain notifies several participants in a row; one failed delivery must not stop the rest.
            LOG.error("Could not deliver {} to connection {}", event.getClass().getSimpleName(), recipient, e);
        }
    }

    /**
     * Changes while a publish is queued are covered by it: the list is read when it goes out, on the
     * publisher's one thread, so lists go out in the order they were read and the last one is read after
     * the last change.
     */
    @Override
    public void roomListChanged(Supplier<List<RoomSummary>> currentRooms) {
        if (!lobby.listRooms()) {
            return; // nothing to tell: the list the lobby shows stays empty
        }
        roomList = currentRooms;
        if (roomListPending.compareAndSet(false, true)) {
            try {
                lobbyPublisher.execute(this::publishLatestRoomList);
            } catch (RejectedExecutionException closing) {
                roomListPending.set(false);
            }
        }
    }

    private void publishLatestRoomList() {
        roomListPending.set(false); // a change from here on queues another publish, which reads again
        try {
            List<RoomSummary> rooms = roomList.get();
            messaging.convertAndSend(SignalingDestinations.LOBBY_TOPIC, events.toRooms(rooms, capacityLimits));
        } catch (RuntimeException e) {
            LOG.error("Could not publish the room list to the lobby", e);
        }
    }

    /** Publishes what is pending, then stops the publisher thread. */
    @Override
    public void close() throws InterruptedException {
        lobbyPublisher.shutdown();
        lobbyPublisher.awaitTermination(5, TimeUnit.SECONDS);
    }
}
