package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * The room's media server went away ({@code available} false: video waits for it, chat goes on) or is
 * back ({@code available} true: new links follow).
 */
@JsonTypeName("media-server")
public record MediaServerEvent(String roomId, boolean available) implements ServerEvent {
}
