package com.chatforyou.domain.service;

import com.chatforyou.domain.port.in.RoomStatisticsQuery;
import com.chatforyou.domain.port.out.RoomStorePort;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts what the server holds, for operators' metrics. */
public final class RoomStatisticsService implements RoomStatisticsQuery {

    private final RoomStorePort store;
    private final Seats seats;

    RoomStatisticsService(RoomStorePort store, Seats seats) {
        this.store = store;
        this.seats = seats;
    }

    @Override
    public RoomStatistics roomStatistics() {
        AtomicInteger links = new AtomicInteger();
        store.forEachRoom(room -> links.addAndGet(room.links().size()));
        return new RoomStatistics(store.count(), seats.taken(), links.get(), seats.awaitingReconnect());
    }
}
