package com.chatforyou.adapter.signaling.controller;

import static com.chatforyou.adapter.signaling.ConnectionPrincipal.clientOf;
import static com.chatforyou.adapter.signaling.ConnectionPrincipal.connectionOf;

import com.chatforyou.adapter.signaling.ClosedConnections;
import com.chatforyou.adapter.signaling.dto.ChatSendRequest;
import com.chatforyou.adapter.signaling.dto.JoinRoomRequest;
import com.chatforyou.adapter.signaling.dto.MediaStateRequest;
import com.chatforyou.adapter.signaling.mapping.SignalingRequestMapper;
import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.port.in.JoinRoomUseCase;
import com.chatforyou.domain.port.in.LeaveRoomUseCase;
import com.chatforyou.domain.port.in.PostChatMessageUseCase;
import com.chatforyou.domain.port.in.UpdateMediaStateUseCase;
import java.security.Principal;
import java.util.concurrent.CompletableFuture;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Controller;

/** Being in a room: join, leave, chat and mute toggles. The domain answers with room events. */
@Controller
public class RoomController {
    private static final SignalingRequestMapper REQUESTS = SignalingRequestMapper.INSTANCE;

    private final JoinRoomUseCase joinRoom;
    private final LeaveRoomUseCase leaveRoom;
    private final PostChatMessageUseCase postChatMessage;
    private final UpdateMediaStateUseCase updateMediaState;
    private final ClosedConnections closedConnections;

    public RoomController(JoinRoomUseCase joinRoom, LeaveRoomUseCase leaveRoom,
                          PostChatMessageUseCase postChatMessage, UpdateMediaStateUseCase updateMediaState,
                          ClosedConnections closedConnections) {
        this.joinRoom = joinRoom;
        this.leaveRoom = leaveRoom;
        this.postChatMessage = postChatMessage;
        this.updateMediaState = updateMediaState;
        this.closedConnections = closedConnections;
    }

    /**
     * A locked room's join completes after the password worker; a refusal then reaches
     * {@link SignalingErrorAdvice} through the returned future, as a refusal thrown here does.
     */
    @MessageMapping("/room.join")
    public CompletableFuture<Void> join(@Payload JoinRoomRequest request, Principal user) {
        ConnectionId connection = connectionOf(user);
        return joinRoom.joinRoom(REQUESTS.toCommand(request, connection, clientOf(user)))
                .thenAccept(seated -> {
                    // Checked after seating: either this sees the close, or the close handling sees the seat.
                    if (closedConnections.hasClosed(connection)) {
                        leaveRoom.connectionLost(connection);
                    }
                })
                .toCompletableFuture();
    }

    @MessageMapping("/room.leave")
    public void leave(Principal connection) {
        leaveRoom.leaveRoom(connectionOf(connection));
    }

    @MessageMapping("/chat.send")
    public void chat(@Payload ChatSendRequest request, Principal connection) {
        postChatMessage.postChatMessage(REQUESTS.toCommand(request, connectionOf(connection)));
    }

    @MessageMapping("/media.state")
    public void mediaState(@Payload MediaStateRequest request, Principal connection) {
        updateMediaState.updateMediaState(connectionOf(connection), REQUESTS.toMediaState(request));
    }
}
