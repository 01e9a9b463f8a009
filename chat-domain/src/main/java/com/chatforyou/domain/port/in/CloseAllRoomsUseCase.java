package com.chatforyou.domain.port.in;

/** The server is going away: every room ends now, cleanly, rather than with the process. */
public interface CloseAllRoomsUseCase {

    /**
     * Tells every seated participant (including those whose connection is in its reconnect grace
     * period) that the server is restarting, releases every room's media and removes every room.
     * From then on, creating, joining and resuming are refused with SERVER_RESTARTING.
     *
     * @return how many participants were told
     */
    int closeAllRoomsForRestart();
}
