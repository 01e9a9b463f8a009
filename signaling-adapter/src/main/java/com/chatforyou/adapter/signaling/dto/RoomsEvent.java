package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

@JsonTypeName("rooms")
public record RoomsEvent(int defaultCapacity, int maxCapacity, List<RoomDto> rooms) implements ServerEvent {
}
