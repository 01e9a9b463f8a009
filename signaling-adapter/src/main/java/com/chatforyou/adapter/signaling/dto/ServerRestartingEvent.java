package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** The server is shutting down and the room is gone: reconnect and join again. */
@JsonTypeName("server-restarting")
public record ServerRestartingEvent(String roomId) implements ServerEvent {
}
