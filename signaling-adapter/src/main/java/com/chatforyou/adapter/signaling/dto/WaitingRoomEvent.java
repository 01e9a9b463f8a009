package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/** To the hosts: who is waiting, in the order they knocked. */
@JsonTypeName("waiting-room")
public record WaitingRoomEvent(String roomId, List<KnockDto> waiting) implements ServerEvent {
}
