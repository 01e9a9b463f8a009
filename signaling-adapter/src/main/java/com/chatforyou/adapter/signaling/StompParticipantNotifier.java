package com.chatforyou.adapter.signaling;

import com.chatforyou.adapter.signaling.mapping.ServerEventMapper;
import com.chatforyou.domain.model.CapacityLimits;
import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.RoomEvent;
import com.chatforyou.domain.model.RoomSummary;
import com.chatforyou.domain.port.out.ParticipantNotifier;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.simp.SimpMessageSendingOperations;

/**
 * Delivers room events to a connection's {@code /user/queue/events} and room lists to
 * {@code /topic/lobby}. The broker preserves publish order per connection, so events arrive in the
 * order the domain sends them.
 */
public class StompParticipantNotifier implements ParticipantNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(StompParticipantNotifier.class);

    private final SimpMessageSendingOperations messaging;
    private final CapacityLimits capacityLimits;
    private final LobbySettings lobby;
    private final ServerEventMapper events = ServerEventMapper.INSTANCE;

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

    @Override
    public void roomListChanged(List<RoomSummary> rooms) {
        if (!lobby.listRooms()) {
            return; // nothing to tell: the list the lobby shows stays empty
        }
        try {
            messaging.convertAndSend(SignalingDestinations.LOBBY_TOPIC, events.toRooms(rooms, capacityLimits));
        } catch (RuntimeException e) {
            LOG.error("Could not publish the room list to the lobby", e);
        }
    }
}
