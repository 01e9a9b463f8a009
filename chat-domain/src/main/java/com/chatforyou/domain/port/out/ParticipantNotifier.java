package com.chatforyou.domain.port.out;

import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.RoomEvent;
import com.chatforyou.domain.model.RoomSummary;
import java.util.List;
import java.util.function.Supplier;

/** Delivers events to participants. Delivery to one connection keeps the order of calls. */
public interface ParticipantNotifier {

    void notify(ConnectionId recipient, RoomEvent event);

    /**
     * The lobby's room list changed; everyone watching the lobby gets the list {@code currentRooms} gives
     * when called. Reading it costs a pass over every room, so a notifier may read it once for several
     * changes, on a thread of its own, as long as the last list it sends is read after the last change.
     */
    void roomListChanged(Supplier<List<RoomSummary>> currentRooms);
}
