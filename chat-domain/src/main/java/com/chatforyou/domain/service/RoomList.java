package com.chatforyou.domain.service;

import com.chatforyou.domain.model.Room;
import com.chatforyou.domain.model.RoomSummary;
import com.chatforyou.domain.port.out.MediaPort;
import com.chatforyou.domain.port.out.ParticipantNotifier;
import com.chatforyou.domain.port.out.RoomStorePort;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The rooms as the lobby sees them: listed in order of creation and published again whenever one
 * changes, except those reached by an unguessable link only. A room that closes leaves the list, and
 * the media backend releases it.
 */
final class RoomList {

    private final RoomStorePort store;
    private final ParticipantNotifier notifier;
    private final MediaPort media;

    RoomList(RoomStorePort store, ParticipantNotifier notifier, MediaPort media) {
        this.store = store;
        this.notifier = notifier;
        this.media = media;
    }

    List<RoomSummary> current() {
        return store.rooms().stream()
                .filter(Room::isListed)
                .sorted(Comparator.comparing(Room::createdAt).thenComparing(room -> room.id().value()))
                .map(room -> store.fromRoom(room.id(), Room::summary))
                .flatMap(Optional::stream)
                .toList();
    }

    /** The list is read when the notifier sends it, not here: a join does not pay for a pass over every room. */
    void publish() {
        notifier.roomListChanged(this::current);
    }

    /** Closes the room, holding its lock: no one is seated in it again, and nothing of it is left. */
    void close(Room room) {
        room.close();
        store.remove(room.id());
        media.roomClosed(room.id());
    }
}
