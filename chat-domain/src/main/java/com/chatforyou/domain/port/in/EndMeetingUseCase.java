package com.chatforyou.domain.port.in;

import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.RoomId;

/** A host ends the meeting for everyone: every seat goes, and the room with them. */
public interface EndMeetingUseCase {

    void endMeeting(EndMeetingCommand command);

    record EndMeetingCommand(ConnectionId connection, RoomId room) {
    }
}
