package com.chatforyou.domain.port.in;

import com.chatforyou.domain.model.ConnectionId;

public interface LeaveRoomUseCase {

    /** The participant pressed leave; refused when the connection holds no seat. */
    void leaveRoom(ConnectionId connection);

    /** The connection is gone; frees its seat if it had one, and does nothing otherwise. */
    void connectionLost(ConnectionId connection);
}
