package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** To everyone seated: a host ended the meeting and the room is gone. */
@JsonTypeName("meeting-ended")
public record MeetingEndedEvent(String roomId, ParticipantRefDto by) implements ServerEvent {
}
