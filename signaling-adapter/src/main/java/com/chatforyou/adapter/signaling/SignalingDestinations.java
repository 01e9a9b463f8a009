package com.chatforyou.adapter.signaling;

/** The STOMP endpoint and destinations of docs/signaling-protocol.md. */
public final class SignalingDestinations {

    public static final String ENDPOINT = "/signaling";
    public static final String APPLICATION_PREFIX = "/app";
    public static final String USER_PREFIX = "/user";
    /** Where a connection's own events go, as the server addresses them (without the user prefix). */
    public static final String EVENTS_QUEUE = "/queue/events";
    /** The same queue as a client subscribes to it. */
    public static final String USER_EVENTS = USER_PREFIX + EVENTS_QUEUE;
    public static final String LOBBY_TOPIC = "/topic/lobby";

    private SignalingDestinations() {
    }
}
