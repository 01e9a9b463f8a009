package com.chatforyou.domain.port.in;

import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.model.StoppedMedia;

/** A host stops a participant's camera or screen share. */
public interface StopParticipantMediaUseCase {

    void stopParticipantMedia(StopParticipantMediaCommand command);

    record StopParticipantMediaCommand(ConnectionId connection, RoomId room, ParticipantId participant,
                                       StoppedMedia kind) {
    }
}
