package com.chatforyou.domain.service;

import com.chatforyou.domain.model.Capacity;
import com.chatforyou.domain.model.CapacityLimits;
import com.chatforyou.domain.model.ChatException;
import com.chatforyou.domain.model.ClientAddress;
import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.Creator;
import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.PasswordHash;
import com.chatforyou.domain.model.Room;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.model.RoomName;
import com.chatforyou.domain.model.RoomPolicy;
import com.chatforyou.domain.model.RoomSlug;
import com.chatforyou.domain.model.RoomSummary;
import com.chatforyou.domain.port.in.CreateRoomUseCase;
import com.chatforyou.domain.port.in.FindRoomQuery;
import com.chatforyou.domain.port.in.ListRoomsUseCase;
import com.chatforyou.domain.port.out.IdGenerator;
import com.chatforyou.domain.port.out.MediaPort;
import com.chatforyou.domain.port.out.RoomStorePort;
import com.chatforyou.domain.port.out.SignedInUserPort;
import com.chatforyou.domain.port.out.TimeSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The lobby: creating and listing rooms, and removing rooms nobody joined. Owns the server-wide room
 * rules: who may create rooms ({@link Safeguards#creationPolicy()}), the per-address quotas
 * ({@link RoomQuotas}), at most {@link RoomSettings#maxRooms()} rooms, no two whose names share a
 * skeleton nor two with the same invite link (see {@link RoomLinks}), rooms with an unguessable link
 * are not listed, and an empty room lives {@link RoomSettings#abandonedRoomTimeout()}.
 */
public final class LobbyService implements CreateRoomUseCase, ListRoomsUseCase, FindRoomQuery {

    private final RoomStorePort store;
    private final RoomList roomList;
    private final RestartGate restart;
    private final MediaPort media;
    private final TimeSource clock;
    private final IdGenerator ids;
    private final RoomSettings settings;
    private final HostSettings hostSettings;
    private final SignedInUserPort signedIn;

    private final Safeguards safeguards;
    private final PasswordChecks passwords;
    private final RoomCreations creations;

    LobbyService(RoomStorePort store, RoomList roomList, RestartGate restart, MediaPort media, TimeSource clock,
                 IdGenerator ids, RoomSettings settings, HostSettings hostSettings, SignedInUserPort signedIn,
                 Safeguards safeguards, PasswordChecks passwords) {
        this.safeguards = safeguards;
        this.passwords = passwords;
        this.creations = new RoomCreations(safeguards.roomQuotas(), store, clock);
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

    /**
     * The cheap checks come first (who may create, the address's quotas, the name, the capacity), so a
     * refused request costs no hashing; the password is hashed on the password worker.
     */
    @Override
    public CompletionStage<RoomSummary> createRoom(CreateRoomCommand command) {
        if (!safeguards.creationPolicy().mayCreateRooms(command.creator())) {
            throw new ChatException(ErrorCode.SIGN_IN_REQUIRED, "Only signed-in hosts may create rooms on this server");
        }
        restart.refuseWhileRestarting();
        ClientAddress client = command.client();
        creations.refuseOverQuota(client);
        RoomName name = new RoomName(command.name());
        Capacity capacity = media.capacityLimits().capacityFor(command.capacity());
        RoomSlug requested = command.slug() == null ? null : new RoomSlug(command.slug());
        refuseTakenName(name);
        refuseBeyondRoomLimit();
        // The creator hosts the room once they join it (see Creator), by connection or by signed-in user.
        Optional<ConnectionId> creatorConnection = Optional.ofNullable(command.creator());
        Creator creator = new Creator(creatorConnection, creatorConnection.flatMap(signedIn::signedInUser), client);
        CompletableFuture<Optional<PasswordHash>> password = command.password() == null || command.password().isEmpty()
                ? CompletableFuture.completedFuture(Optional.empty())
                : passwords.hash(command.password()).thenApply(Optional::of);
        RoomLink link = new RoomLink(command.privateLink(), requested);
        return password.thenApply(hash -> create(creator, name, capacity, hash, link));
    }

    /** The invite link asked for: unguessable or not, and a slug asked for by name (or null). */
    private record RoomLink(boolean privateLink, RoomSlug requested) {
    }

    private RoomSummary create(Creator creator, RoomName name, Capacity capacity, Optional<PasswordHash> password,
                               RoomLink link) {
        ClientAddress client = creator.address();
        RoomSummary created = restart.create(() -> {
            // Again under the creation lock: other creations may have finished while this one was hashing.
            creations.refuseOverQuota(client);
            refuseBeyondRoomLimit();
            refuseTakenName(name);
            RoomSlug slug = RoomLinks.slugFor(name, link.privateLink(), link.requested(), this::slugTaken, ids);
            Room room = new Room(new RoomId(ids.newId()), name, new RoomPolicy(capacity, password), clock.now(),
                    creator, hostSettings.handover(), slug, link.privateLink(), safeguards.skeletons());
            // Read before the room is shared: as created, empty.
            RoomSummary summary = room.summary();
            store.add(room);
            creations.created(client);
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
    public RoomSummary findRoom(String slug) {
        return store.rooms().stream()
                .filter(room -> !room.isClosed() && room.slug().value().equals(slug))
                .findFirst()
                .flatMap(room -> store.fromRoom(room.id(), Room::summary))
                .orElseThrow(() -> new ChatException(ErrorCode.ROOM_NOT_FOUND, "No room has this link; it may have ended"));
    }

    private boolean slugTaken(RoomSlug slug) {
        return store.rooms().stream().anyMatch(room -> room.slug().equals(slug));
    }

    @Override
    public CapacityLimits capacityLimits() {
        return media.capacityLimits();
    }

    /**
     * Removes rooms that were created but stayed empty past the timeout, and forgets quota and backoff
     * records of addresses that have been quiet for an hour. Run periodically.
     */
    public void closeAbandonedRooms() {
        creations.forgetQuietAddresses();
        passwords.forgetQuietKeys();
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
        if (store.rooms().stream().anyMatch(existing -> existing.name().sameAs(name, safeguards.skeletons()))) {
            throw new ChatException(ErrorCode.ROOM_NAME_TAKEN, "A room called " + name.value() + " exists");
        }
    }
}
