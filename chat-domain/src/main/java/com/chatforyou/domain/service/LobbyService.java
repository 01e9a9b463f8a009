package com.chatforyou.domain.service;

import com.chatforyou.domain.model.Capacity;
import com.chatforyou.domain.model.CapacityLimits;
import com.chatforyou.domain.model.ChatException;
import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.Creator;
import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.PasswordHash;
import com.chatforyou.domain.model.Room;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.model.RoomName;
import com.chatforyou.domain.model.RoomPolicy;
import com.chatforyou.domain.model.RoomSummary;
import com.chatforyou.domain.port.in.CreateRoomUseCase;
import com.chatforyou.domain.port.in.ListRoomsUseCase;
import com.chatforyou.domain.port.out.IdGenerator;
import com.chatforyou.domain.port.out.MediaPort;
import com.chatforyou.domain.port.out.RoomStorePort;
import com.chatforyou.domain.port.out.SignedInUserPort;
import com.chatforyou.domain.port.out.TimeSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The lobby: creating and listing rooms, and removing rooms nobody joined. Owns the server-wide room
 * rules: at most {@link RoomSettings#maxRooms()} rooms, no two with the same name, and an empty room
 * lives {@link RoomSettings#abandonedRoomTimeout()}.
 */
public final class LobbyService implements CreateRoomUseCase, ListRoomsUseCase {

    private final RoomStorePort store;
    private final RoomList roomList;
    private final RestartGate restart;
    private final MediaPort media;
    private final TimeSource clock;
    private final IdGenerator ids;
    private final RoomSettings settings;
    private final HostSettings hostSettings;
    private final SignedInUserPort signedIn;

    LobbyService(RoomStorePort store, RoomList roomList, RestartGate restart, MediaPort media, TimeSource clock,
                 IdGenerator ids, RoomSettings settings, HostSettings hostSettings, SignedInUserPort signedIn) {
        this.store = store;
        this.roomList = roomList;
        this.restart = restart;
        this.media = media;
        this.clock = clock;
        this.ids = ids;
        this.settings = settings;
        this.hostSettings = hostSettings;
        this.signedIn = signedIn;
    }

    @Override
    public RoomSummary createRoom(CreateRoomCommand command) {
        RoomName name = new RoomName(command.name());
        Capacity capacity = media.capacityLimits().capacityFor(command.capacity());
        Optional<PasswordHash> password = command.password() == null || command.password().isEmpty()
                ? Optional.empty()
                : Optional.of(PasswordHash.of(command.password()));
        // The creator hosts the room once they join it (see Creator), by connection or by signed-in user.
        Optional<ConnectionId> creatorConnection = Optional.ofNullable(command.creator());
        Creator creator = new Creator(creatorConnection,
                creatorConnection.flatMap(signedIn::signedInUser));
        RoomSummary created = restart.create(() -> {
            refuseBeyondRoomLimit();
            refuseTakenName(name);
            Room room = new Room(new RoomId(ids.newId()), name, new RoomPolicy(capacity, password), clock.now(),
                    creator, hostSettings.handover());
            // Read before the room is shared: as created, empty.
            RoomSummary summary = room.summary();
            store.add(room);
            return summary;
        });
        roomList.publish();
        return created;
    }

    @Override
    public List<RoomSummary> listRooms() {
        return roomList.current();
    }

    @Override
    public CapacityLimits capacityLimits() {
        return media.capacityLimits();
    }

    /** Removes rooms that were created but stayed empty past the timeout. Run periodically. */
    public void closeAbandonedRooms() {
        AtomicBoolean removed = new AtomicBoolean();
        store.forEachRoom(room -> {
            if (isAbandoned(room)) {
                roomList.close(room);
                removed.set(true);
            }
        });
        if (removed.get()) {
            roomList.publish();
        }
    }

    private boolean isAbandoned(Room room) {
        return room.isEmpty() && !room.isClosed()
                && room.createdAt().plus(settings.abandonedRoomTimeout()).isBefore(clock.now());
    }

    private void refuseBeyondRoomLimit() {
        if (store.count() >= settings.maxRooms()) {
            throw new ChatException(ErrorCode.TOO_MANY_ROOMS, "This server already has " + settings.maxRooms() + " rooms");
        }
    }

    private void refuseTakenName(RoomName name) {
        if (store.rooms().stream().anyMatch(existing -> existing.name().sameAs(name))) {
            throw new ChatException(ErrorCode.ROOM_NAME_TAKEN, "A room called " + name.value() + " exists");
        }
    }
}
