package com.chatforyou.adapter.signaling.controller;

import static com.chatforyou.adapter.signaling.ConnectionPrincipal.connectionOf;

import com.chatforyou.adapter.signaling.ClosedConnections;
import com.chatforyou.adapter.signaling.dto.ResumeSeatRequest;
import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.port.in.LeaveRoomUseCase;
import com.chatforyou.domain.port.in.ResumeSeatUseCase;
import com.chatforyou.domain.port.in.ResumeSeatUseCase.ResumeSeatCommand;
import java.security.Principal;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Controller;

/** Taking a seat back on a new connection after the old one dropped, and keeping it over a reload. */
@Controller
public class ResumeController {
    private final ResumeSeatUseCase resumeSeat;
    private final LeaveRoomUseCase leaveRoom;
    private final ClosedConnections closedConnections;

    public ResumeController(ResumeSeatUseCase resumeSeat, LeaveRoomUseCase leaveRoom,
                            ClosedConnections closedConnections) {
        this.resumeSeat = resumeSeat;
        this.leaveRoom = leaveRoom;
        this.closedConnections = closedConnections;
    }

    @MessageMapping("/room.resume")
    public void resume(@Payload ResumeSeatRequest request, Principal user) {
        ConnectionId connection = connectionOf(user);
        resumeSeat.resumeSeat(command(connection, request));
        // As for a join: either this sees the close, or the close handling sees the seat.
        if (closedConnections.hasClosed(connection)) {
            leaveRoom.connectionLost(connection);
        }
    }

    /** The page is going away, maybe to come straight back (a reload): the seat waits the reload grace. */
    @MessageMapping("/room.suspend")
    public void suspend(Principal user) {
        leaveRoom.suspendSeat(connectionOf(user));
    }

    /** Leave pressed while the page was reconnecting: the seat is left now, not when the grace period ends. */
    @MessageMapping("/room.release")
    public void release(@Payload ResumeSeatRequest request, Principal user) {
        resumeSeat.releaseSeat(command(connectionOf(user), request));
    }

    private static ResumeSeatCommand command(ConnectionId connection, ResumeSeatRequest request) {
        return new ResumeSeatCommand(connection, new RoomId(request.roomId()),
                new ParticipantId(request.participantId()), request.resumeToken());
    }
}
