package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/**
 * {@code participants} are the others in the room, not the recipient. {@code resumeToken} is the
 * recipient's own secret for {@code /app/room.resume}; {@code resumed} marks the answer to a resume.
 */
@JsonTypeName("joined")
public record JoinedEvent(RoomDto room, ParticipantDto self, List<ParticipantDto> participants,
                          List<ChatMessageDto> chat, List<IceServerDto> iceServers, String resumeToken,
                          boolean resumed) implements ServerEvent {
}
