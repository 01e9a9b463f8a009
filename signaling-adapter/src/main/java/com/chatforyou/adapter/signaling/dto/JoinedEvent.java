package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/** {@code participants} are the others in the room, not the recipient. */
@JsonTypeName("joined")
public record JoinedEvent(RoomDto room, ParticipantDto self, List<ParticipantDto> participants,
                          List<ChatMessageDto> chat, List<IceServerDto> iceServers) implements ServerEvent {
}
