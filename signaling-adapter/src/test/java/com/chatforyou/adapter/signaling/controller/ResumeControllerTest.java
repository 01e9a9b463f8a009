package com.chatforyou.adapter.signaling.controller;

import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.ArgumentMatchers.any;

import com.chatforyou.adapter.signaling.ClosedConnections;
import com.chatforyou.adapter.signaling.ConnectionPrincipal;
import com.chatforyou.adapter.signaling.dto.ResumeSeatRequest;
import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.port.in.LeaveRoomUseCase;
import com.chatforyou.domain.port.in.ResumeSeatUseCase;
import com.chatforyou.domain.port.in.ResumeSeatUseCase.ResumeSeatCommand;
import org.junit.jupiter.api.Test;

class ResumeControllerTest {
    private static final ConnectionId CONNECTION = new ConnectionId("c2");

    private final ResumeSeatUseCase resumeSeat = mock(ResumeSeatUseCase.class);
    private final LeaveRoomUseCase leaveRoom = mock(LeaveRoomUseCase.class);
    private final ClosedConnections closed = new ClosedConnections();
    private final ResumeController controller = new ResumeController(resumeSeat, leaveRoom, closed);

    @Test
    void a_resume_is_passed_to_the_domain_with_the_new_connection() {
        controller.resume(new ResumeSeatRequest("r1", "p1", "secret"), new ConnectionPrincipal("c2"));

        verify(resumeSeat).resumeSeat(new ResumeSeatCommand(CONNECTION, new RoomId("r1"), new ParticipantId("p1"),
                "secret"));
        verify(leaveRoom, never()).connectionLost(any());
    }

    @Test
    void a_connection_that_closed_while_resuming_is_treated_as_lost_again() {
        closed.markClosed(CONNECTION);

        controller.resume(new ResumeSeatRequest("r1", "p1", "secret"), new ConnectionPrincipal("c2"));

        var order = inOrder(resumeSeat, leaveRoom);
        order.verify(resumeSeat).resumeSeat(any());
        order.verify(leaveRoom).connectionLost(CONNECTION);
    }
}
