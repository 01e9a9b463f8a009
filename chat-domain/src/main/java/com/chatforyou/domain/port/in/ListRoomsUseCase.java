package com.chatforyou.domain.port.in;

import com.chatforyou.domain.model.CapacityLimits;
import com.chatforyou.domain.model.RoomSummary;
import java.util.List;

public interface ListRoomsUseCase {

    List<RoomSummary> listRooms();

    /** The capacities a creator may choose from, set by the media backend. */
    CapacityLimits capacityLimits();
}
