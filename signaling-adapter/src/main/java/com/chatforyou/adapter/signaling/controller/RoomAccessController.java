package com.chatforyou.adapter.signaling.controller;

import static com.chatforyou.adapter.signaling.ConnectionPrincipal.connectionOf;

import com.chatforyou.adapter.signaling.dto.KnockAnswerRequest;
import com.chatforyou.adapter.signaling.dto.LockRequest;
import com.chatforyou.adapter.signaling.dto.PasswordRequest;
import com.chatforyou.adapter.signaling.dto.RoomRequest;
import com.chatforyou.adapter.signaling.dto.WaitingRoomRequest;
import com.chatforyou.adapter.signaling.mapping.SignalingRequestMapper;
import com.chatforyou.domain.port.in.AnswerKnockUseCase;
import com.chatforyou.domain.port.in.ConfigureWaitingRoomUseCase;
import com.chatforyou.domain.port.in.EndMeetingUseCase;
import com.chatforyou.domain.port.in.LockRoomUseCase;
import com.chatforyou.domain.port.in.SetRoomPasswordUseCase;
import java.security.Principal;
import java.util.concurrent.CompletableFuture;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Controller;

/** A host deciding who comes in: lock, password, waiting room, admit and deny, and ending the meeting. */
@Controller
public class RoomAccessController {
    private static final SignalingRequestMapper REQUESTS = SignalingRequestMapper.INSTANCE;

    private final LockRoomUseCase lock;
    private final SetRoomPasswordUseCase password;
    private final ConfigureWaitingRoomUseCase waitingRoom;
    private final AnswerKnockUseCase knocks;
    private final EndMeetingUseCase end;

    public RoomAccessController(LockRoomUseCase lock, SetRoomPasswordUseCase password,
                                ConfigureWaitingRoomUseCase waitingRoom, AnswerKnockUseCase knocks,
                                EndMeetingUseCase end) {
        this.lock = lock;
        this.password = password;
        this.waitingRoom = waitingRoom;
        this.knocks = knocks;
        this.end = end;
    }

    @MessageMapping("/host.lock")
    public void lock(@Payload LockRequest request, Principal connection) {
        lock.lockRoom(REQUESTS.toLock(request, connectionOf(connection)));
    }

    /** Answered once the password worker hashed the new password; a failure then reaches {@link SignalingErrorAdvice}. */
    @MessageMapping("/host.password")
    public CompletableFuture<Void> password(@Payload PasswordRequest request, Principal connection) {
        return password.setRoomPassword(REQUESTS.toSetPassword(request, connectionOf(connection))).toCompletableFuture();
    }

    @MessageMapping("/host.waiting-room")
    public void waitingRoom(@Payload WaitingRoomRequest request, Principal connection) {
        waitingRoom.configureWaitingRoom(REQUESTS.toWaitingRoom(request, connectionOf(connection)));
    }

    @MessageMapping("/host.admit")
    public void admit(@Payload KnockAnswerRequest request, Principal connection) {
        knocks.admit(REQUESTS.toAnswerKnock(request, connectionOf(connection)));
    }

    @MessageMapping("/host.deny")
    public void deny(@Payload KnockAnswerRequest request, Principal connection) {
        knocks.deny(REQUESTS.toAnswerKnock(request, connectionOf(connection)));
    }

    @MessageMapping("/host.end")
    public void end(@Payload RoomRequest request, Principal connection) {
        end.endMeeting(REQUESTS.toEndMeeting(request, connectionOf(connection)));
    }
}
