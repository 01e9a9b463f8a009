package com.chatforyou.adapter.signaling.controller;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.chatforyou.adapter.signaling.ClosedConnections;
import com.chatforyou.adapter.signaling.ConnectionPrincipal;
import com.chatforyou.adapter.signaling.dto.JoinRoomRequest;
import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.ParticipantId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import com.chatforyou.domain.port.in.JoinRoomUseCase;
import com.chatforyou.domain.port.in.LeaveRoomUseCase;
import com.chatforyou.domain.port.in.PostChatMessageUseCase;
import com.chatforyou.domain.port.in.UpdateMediaStateUseCase;
import org.junit.jupiter.api.Test;

class RoomControllerTest {

    private static final ConnectionPrincipal USER = new ConnectionPrincipal("c1");
    private static final ConnectionId CONNECTION = new ConnectionId("c1");
    private static final JoinRoomRequest JOIN = new JoinRoomRequest("r1", "Ann", null, null);

    private final JoinRoomUseCase joinRoom = mock(JoinRoomUseCase.class);
    private final LeaveRoomUseCase leaveRoom = mock(LeaveRoomUseCase.class);
    private final ClosedConnections closedConnections = new ClosedConnections();
    private final RoomController controller = new RoomController(joinRoom, leaveRoom,
            mock(PostChatMessageUseCase.class), mock(UpdateMediaStateUseCase.class), closedConnections);

    {
        when(joinRoom.joinRoom(any())).thenReturn(CompletableFuture.completedFuture(Optional.of(new ParticipantId("p1"))));
    }

    @Test
    void aJoinOnAnOpenConnectionKeepsItsSeat() {
        controller.join(JOIN, USER);

        verify(joinRoom).joinRoom(any());
        verify(leaveRoom, never()).connectionLost(any());
    }

    @Test
    void aJoinThatWaitedInTheQueueOfAClosedConnectionGivesItsSeatUp() {
        closedConnections.markClosed(CONNECTION);

        controller.join(JOIN, USER);

        var order = inOrder(joinRoom, leaveRoom);
        order.verify(joinRoom).joinRoom(any());
        order.verify(leaveRoom).connectionLost(CONNECTION);
    }

    @Test
    void anotherConnectionsCloseDoesNotMatter() {
        closedConnections.markClosed(new ConnectionId("c2"));

        controller.join(JOIN, USER);

        verify(leaveRoom, never()).connectionLost(any());
    }

    @Test
    void aJoinWaitingForItsPasswordCheckGivesItsSeatUpIfTheConnectionClosedMeanwhile() {
        CompletableFuture<Optional<ParticipantId>> check = new CompletableFuture<>();
        when(joinRoom.joinRoom(any())).thenReturn(check);

        var answered = controller.join(JOIN, USER);
        closedConnections.markClosed(CONNECTION);
        check.complete(Optional.of(new ParticipantId("p1")));

        verify(leaveRoom).connectionLost(CONNECTION);
        org.assertj.core.api.Assertions.assertThat(answered).isCompleted();
    }
}
