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
import java.util.concurrent.atomic.AtomicReference;
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
    private final AtomicReference<List<RoomSummary>> latestRoomList = new AtomicReference<>();
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

    /** Lists arrive in the order the domain built them, so the last one set is the newest. */
    @Override
    public void roomListChanged(List<RoomSummary> rooms) {
        if (!lobby.listRooms()) {
            return; // nothing to tell: the list the lobby shows stays empty
        }
        if (latestRoomList.getAndSet(rooms) == null) {
            try {
                lobbyPublisher.execute(this::publishLatestRoomList);
            } catch (RejectedExecutionException closing) {
                latestRoomList.set(null);
            }
        }
    }

    private void publishLatestRoomList() {
        List<RoomSummary> rooms = latestRoomList.getAndSet(null);
        if (rooms == null) {
            return;
        }
        try {
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
