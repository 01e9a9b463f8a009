package com.chatforyou.domain.model;

import java.util.List;

/** One entry of RTCConfiguration.iceServers; username and credential are empty for STUN. */
public record IceServer(List<String> urls, String username, String credential) {
    public IceServer {
        urls = List.copyOf(urls);
    }
}
