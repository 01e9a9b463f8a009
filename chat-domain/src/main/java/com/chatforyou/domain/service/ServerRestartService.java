package com.chatforyou.domain.service;

import com.chatforyou.domain.model.DenialReason;
import com.chatforyou.domain.model.RoomEvent;
import com.chatforyou.domain.port.in.CloseAllRoomsUseCase;
import com.chatforyou.domain.port.out.RoomStorePort;
import java.util.concurrent.atomic.AtomicInteger;

/** Ends every room when the server restarts, and from then on lets no room be created, joined or resumed. */
public final class ServerRestartService implements CloseAllRoomsUseCase {

    private final RoomStorePort store;
    private final Seating seating;
    private final RoomList roomList;
    private final RestartGate restart;

    ServerRestartService(RoomStorePort store, Seating seating, RoomList roomList, RestartGate restart) {
        this.store = store;
        this.seating = seating;
        this.roomList = roomList;
        this.restart = restart;
    }

    @Override
    public int closeAllRoomsForRestart() {
        restart.close();
        AtomicInteger told = new AtomicInteger();
        store.forEachRoom(room -> told.addAndGet(
                seating.end(room, new RoomEvent.ServerRestarting(room.id()), DenialReason.ROOM_CLOSED)));
        roomList.publish();
        return told.get();
    }
}
