package com.chatforyou.domain.port.in;

import com.chatforyou.domain.model.RoomSummary;

/** Which room an invite link leads to. */
public interface FindRoomQuery {

    /** The room with this slug; refused with {@code room-not-found} when there is none (or it ended). */
    RoomSummary findRoom(String slug);
}
