package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/**
 * {@code participants} are the others in the room, not the recipient. {@code resumeToken} is the
 * recipient's own secret for {@code /app/room.resume}; {@code resumed} marks the answer to a resume.
 * {@code settings} are what the hosts set, {@code hands} the raised hands in order, and {@code waiting}
 * who waits to be admitted (for hosts; empty for everyone else).
 */
@JsonTypeName("joined")
public record JoinedEvent(RoomDto room, ParticipantDto self, List<ParticipantDto> participants,
                          List<ChatMessageDto> chat, List<IceServerDto> iceServers, String resumeToken,
                          boolean resumed, RoomSettingsDto settings, List<RaisedHandDto> hands,
                          List<KnockDto> waiting) implements ServerEvent {
}
