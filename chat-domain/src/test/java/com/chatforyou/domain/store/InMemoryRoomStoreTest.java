package com.chatforyou.domain.store;

import com.chatforyou.domain.port.out.RoomStorePort;

class InMemoryRoomStoreTest extends RoomStoreContract {

    @Override
    protected RoomStorePort newStore() {
        return new InMemoryRoomStore();
    }
}
