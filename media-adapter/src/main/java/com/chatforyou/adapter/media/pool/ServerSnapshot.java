package com.chatforyou.adapter.media.pool;

import com.chatforyou.adapter.media.ReportedLoad;
import com.chatforyou.adapter.media.ServerHealth;

/**
 * One server of a pool at one moment, for placement, health, metrics and the draining endpoint.
 *
 * @param id           {@code host:port}
 * @param health       connected and answering, or why not
 * @param draining     takes no new rooms; its calls go on
 * @param rooms        rooms placed on it by this app
 * @param participants participants whose media it carries for this app
 * @param streams      media links it carries for this app: each is one stream up or down
 * @param reported     what the server says about its own load, which other clients add to
 */
public record ServerSnapshot(String id, ServerHealth health, boolean draining, int rooms, int participants,
                             int streams, ReportedLoad reported) {

    /** Healthy and not draining: new rooms may go here. */
    public boolean takesNewRooms() {
        return health.up() && !draining;
    }

    /** The larger of this app's count and the server's own, so load that other nodes add counts too. */
    public int effectiveStreams() {
        return reported.streams() == null ? streams : Math.max(streams, reported.streams());
    }
}
