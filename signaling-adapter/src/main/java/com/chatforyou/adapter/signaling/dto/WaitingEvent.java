package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** To a newcomer: wait in the waiting room until a host admits you. */
@JsonTypeName("waiting")
public record WaitingEvent(String roomId, String roomName, String knockId) implements ServerEvent {
}
