package com.chatforyou.adapter.media;

import com.chatforyou.domain.port.out.MediaPort;
import java.net.URI;

/**
 * One media server as a pool of them sees it: the media port for the rooms placed on it, with its
 * own connection, its health and the load it reports itself. Janus and Kurento each provide one per
 * server; {@code adapter.media.pool} places rooms on them.
 */
public interface MediaServer extends MediaPort, AutoCloseable {

    /** The server's name in health, metrics and the draining endpoint: {@code host:port} of its URL. */
    String id();

    /** Connected and answering, with the reason when not, for health and placement. */
    ServerHealth health();

    /** What the server says about its own load; {@link ReportedLoad#NONE} where it reports nothing (yet). */
    ReportedLoad reportedLoad();

    /**
     * {@code listener} runs each time the server becomes reachable again: with a new session, or with the
     * session it had before an outage. Rooms waiting for media may then try again.
     */
    void whenAvailable(Runnable listener);

    @Override
    void close();

    /** {@code host:port} of a server URL, the port defaulted from the scheme. */
    static String idOf(URI url) {
        int port = url.getPort() != -1 ? url.getPort() : "wss".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        return url.getHost() + ":" + port;
    }
}
