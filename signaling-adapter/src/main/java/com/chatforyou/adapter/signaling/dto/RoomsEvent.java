package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/** {@code listed} is false when the server hides its room list ({@code chatforyou.lobby.list-rooms=false}). */
@JsonTypeName("rooms")
public record RoomsEvent(int defaultCapacity, int maxCapacity, List<RoomDto> rooms, boolean listed) implements ServerEvent {
}
