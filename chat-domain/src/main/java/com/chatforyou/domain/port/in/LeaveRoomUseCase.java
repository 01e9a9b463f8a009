package com.chatforyou.domain.port.in;

import com.chatforyou.domain.model.ConnectionId;

public interface LeaveRoomUseCase {

    /** The participant pressed leave; refused when the connection holds no seat. */
    void leaveRoom(ConnectionId connection);

    /**
     * The page is going away and may be back at once (a reload): the seat is kept for the reload grace
     * period for a resume, then left with reason {@code left}. Does nothing without a seat.
     */
    void suspendSeat(ConnectionId connection);

    /** The connection is gone; frees its seat if it had one, and does nothing otherwise. */
    void connectionLost(ConnectionId connection);
}
