package com.chatforyou.adapter.signaling.controller;

import static com.chatforyou.adapter.signaling.ConnectionPrincipal.connectionOf;

import com.chatforyou.adapter.signaling.dto.MicrophonesRequest;
import com.chatforyou.adapter.signaling.dto.ParticipantActionRequest;
import com.chatforyou.adapter.signaling.dto.RoleRequest;
import com.chatforyou.adapter.signaling.dto.StopMediaRequest;
import com.chatforyou.adapter.signaling.mapping.SignalingRequestMapper;
import com.chatforyou.domain.port.in.AskToUnmuteUseCase;
import com.chatforyou.domain.port.in.AssignRoleUseCase;
import com.chatforyou.domain.port.in.ControlMicrophonesUseCase;
import com.chatforyou.domain.port.in.MuteParticipantUseCase;
import com.chatforyou.domain.port.in.RemoveParticipantUseCase;
import com.chatforyou.domain.port.in.StopParticipantMediaUseCase;
import java.security.Principal;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Controller;

/** What a host does to participants, and roles; the domain refuses anyone who is not a host. */
@Controller
public class HostController {
    private static final SignalingRequestMapper REQUESTS = SignalingRequestMapper.INSTANCE;

    private final MuteParticipantUseCase mute;
    private final AskToUnmuteUseCase askToUnmute;
    private final StopParticipantMediaUseCase stopMedia;
    private final RemoveParticipantUseCase remove;
    private final ControlMicrophonesUseCase microphones;
    private final AssignRoleUseCase roles;

    public HostController(MuteParticipantUseCase mute, AskToUnmuteUseCase askToUnmute,
                          StopParticipantMediaUseCase stopMedia, RemoveParticipantUseCase remove,
                          ControlMicrophonesUseCase microphones, AssignRoleUseCase roles) {
        this.mute = mute;
        this.askToUnmute = askToUnmute;
        this.stopMedia = stopMedia;
        this.remove = remove;
        this.microphones = microphones;
        this.roles = roles;
    }

    @MessageMapping("/host.mute")
    public void mute(@Payload ParticipantActionRequest request, Principal connection) {
        mute.muteParticipant(REQUESTS.toMute(request, connectionOf(connection)));
    }

    @MessageMapping("/host.ask-unmute")
    public void askToUnmute(@Payload ParticipantActionRequest request, Principal connection) {
        askToUnmute.askToUnmute(REQUESTS.toAskToUnmute(request, connectionOf(connection)));
    }

    @MessageMapping("/host.stop-media")
    public void stopMedia(@Payload StopMediaRequest request, Principal connection) {
        stopMedia.stopParticipantMedia(REQUESTS.toStopMedia(request, connectionOf(connection)));
    }

    @MessageMapping("/host.remove")
    public void remove(@Payload ParticipantActionRequest request, Principal connection) {
        remove.removeParticipant(REQUESTS.toRemove(request, connectionOf(connection)));
    }

    @MessageMapping("/host.microphones")
    public void microphones(@Payload MicrophonesRequest request, Principal connection) {
        microphones.controlMicrophones(REQUESTS.toControlMicrophones(request, connectionOf(connection)));
    }

    @MessageMapping("/host.role")
    public void role(@Payload RoleRequest request, Principal connection) {
        roles.assignRole(REQUESTS.toAssignRole(request, connectionOf(connection)));
    }
}
