package com.chatforyou.adapter.media.janus;

/**
 * What health checks show about one Janus server.
 *
 * @param up        connected, with a session, and answering
 * @param url       the server, without credentials
 * @param state     connecting, connected, down or closed
 * @param sessionId the Janus session the app holds, or null
 * @param detail    why it is not up, or null
 */
public record JanusStatus(boolean up, String url, String state, Long sessionId, String detail) {
}
