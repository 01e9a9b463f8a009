package com.chatforyou.domain.port.in;

import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.RoomId;

/** Takes a seat back on a new connection after the old one dropped, within the reconnect grace period. */
public interface ResumeSeatUseCase {

    /**
     * Rebinds the seat to {@code connection}, answers with a resumed {@code Joined} and re-opens the
     * participant's media links. Refused with {@code RESUME_FAILED} when the room, the seat or the token
     * does not match, or when the grace period is over.
     */
    void resumeSeat(ResumeSeatCommand command);

    /**
     * Leaves a seat whose connection dropped, from a new connection, as a {@code LEFT} leave: the user
     * pressed leave while the page was reconnecting. Refused with {@code RESUME_FAILED} like a resume.
     */
    void releaseSeat(ResumeSeatCommand command);

    record ResumeSeatCommand(ConnectionId connection, RoomId room, ParticipantId participant, String resumeToken) {
    }
}
