package com.chatforyou.adapter.media;

/**
 * What health checks show about one media server.
 *
 * @param up      connected and answering
 * @param url     the server, without credentials
 * @param state   the connection's state, such as connecting, connected, reconnecting, down or closed
 * @param session the media server's session id the app holds, or null
 * @param detail  why it is not up, or null
 */
public record ServerHealth(boolean up, String url, String state, String session, String detail) {
}
