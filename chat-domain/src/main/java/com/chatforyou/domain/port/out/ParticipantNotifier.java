package com.chatforyou.domain.port.out;

import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.RoomEvent;
import com.chatforyou.domain.model.RoomSummary;
import java.util.List;

/** Delivers events to participants. Delivery to one connection keeps the order of calls. */
public interface ParticipantNotifier {

    void notify(ConnectionId recipient, RoomEvent event);

    /** The lobby's room list changed; everyone watching the lobby gets the new list. */
    void roomListChanged(List<RoomSummary> rooms);
}
