package com.chatforyou.adapter.signaling;

import com.chatforyou.domain.model.ConnectionId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Connections that closed recently. Spring reports a close at once, while that connection's last
 * messages may still wait in its queue; a join among them must not leave a seat nobody will free.
 */
public class ClosedConnections {
    /** Queued messages run within moments of a close; this many closes cannot happen in that time. */
    private static final int REMEMBERED = 4096;

    private final Set<ConnectionId> closed = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<ConnectionId, Boolean> eldest) {
                    return size() > REMEMBERED;
                }
            }));

    public void markClosed(ConnectionId connection) {
        closed.add(connection);
    }

    public boolean hasClosed(ConnectionId connection) {
        return closed.contains(connection);
    }
}
