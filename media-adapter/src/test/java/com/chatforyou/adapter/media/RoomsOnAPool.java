package com.chatforyou.adapter.media;

import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.IceServerGrant;
import com.chatforyou.domain.model.LinkId;
import com.chatforyou.domain.model.MediaCapabilities;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.RoomEvent;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.model.RoomSummary;
import com.chatforyou.domain.port.in.CreateRoomUseCase.CreateRoomCommand;
import com.chatforyou.domain.port.in.JoinRoomUseCase.JoinRoomCommand;
import com.chatforyou.domain.port.out.MediaPort;
import com.chatforyou.domain.port.out.ParticipantNotifier;
import com.chatforyou.domain.service.RoomServices;
import com.chatforyou.domain.service.RoomSettings;
import com.chatforyou.domain.store.InMemoryRoomStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The real room use cases over a media backend, with participants played by a recording notifier:
 * the domain's own media reset path (close the room's links, plan them again) runs for real.
 */
public final class RoomsOnAPool {

    /** One seated participant and everything the room told them. */
    public record Guest(RoomId room, ConnectionId connection, ParticipantId id, List<RoomEvent> events) {

        /** Links that were opened for this guest and not closed since. */
        public Set<LinkId> openLinks() {
            Set<LinkId> open = new LinkedHashSet<>();
            for (RoomEvent event : List.copyOf(events)) {
                if (event instanceof RoomEvent.LinkOpened opened) {
                    open.add(opened.link());
                } else if (event instanceof RoomEvent.LinkClosed closed) {
                    open.remove(closed.link());
                }
            }
            return open;
        }

        /** The media-server availability this guest was told, in order. */
        public List<Boolean> mediaServerNews() {
            return List.copyOf(events).stream().filter(e -> e instanceof RoomEvent.MediaServerStatus)
                    .map(e -> ((RoomEvent.MediaServerStatus) e).available()).toList();
        }
    }

    private final Map<ConnectionId, List<RoomEvent>> inboxes = new ConcurrentHashMap<>();
    private final RoomServices rooms;

    public RoomsOnAPool(MediaPort media) {
        ParticipantNotifier notifier = new ParticipantNotifier() {
            @Override
            public void notify(ConnectionId recipient, RoomEvent event) {
                inboxes.computeIfAbsent(recipient, id -> new CopyOnWriteArrayList<>()).add(event);
            }

            @Override
            public void roomListChanged(java.util.function.Supplier<List<RoomSummary>> list) {
            }
        };
        rooms = new RoomServices(media, notifier, participant -> IceServerGrant.unlimited(List.of()), Instant::now,
                () -> UUID.randomUUID().toString(),
                new RoomSettings(100, Duration.ofMinutes(10), Duration.ZERO, 1000), new InMemoryRoomStore());
    }

    public RoomId createRoom(String name) {
        return rooms.lobby().createRoom(new CreateRoomCommand(name, null, null)).toCompletableFuture().join().id();
    }

    public Guest join(RoomId room, String name) {
        return join(room, name, MediaCapabilities.AUDIO_VIDEO);
    }

    public Guest join(RoomId room, String name, MediaCapabilities sends) {
        ConnectionId connection = new ConnectionId("c-" + name + "-" + UUID.randomUUID());
        List<RoomEvent> inbox = inboxes.computeIfAbsent(connection, id -> new CopyOnWriteArrayList<>());
        ParticipantId id = rooms.membership().joinRoom(new JoinRoomCommand(connection, room, name, null, sends))
                .toCompletableFuture().join()
                .orElseThrow(() -> new IllegalStateException(name + " was not seated"));
        return new Guest(room, connection, id, inbox);
    }

    public void leave(Guest guest) {
        rooms.membership().leaveRoom(guest.connection());
    }

    public int mediaLinks() {
        return rooms.statistics().roomStatistics().mediaLinks();
    }

    /** A copy, so callers can filter while events still arrive. */
    public static List<RoomEvent> eventsOf(Guest guest) {
        return new ArrayList<>(guest.events());
    }
}
