package com.chatforyou.adapter.media.pool;

import com.chatforyou.adapter.media.MediaServer;
import com.chatforyou.domain.model.RoomId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** One server of the pool: its rooms, whether it drains, and since when it has been unreachable. */
final class PoolMember {
    final MediaServer server;
    final String id;
    final Set<RoomId> rooms = ConcurrentHashMap.newKeySet();
    volatile boolean draining;
    /** When the monitor first saw it down (System.nanoTime), or null while up; the monitor's thread only. */
    Long downSince;

    PoolMember(MediaServer server, boolean draining) {
        this.server = server;
        this.id = server.id();
        this.draining = draining;
    }

    boolean up() {
        return server.health().up();
    }
}
