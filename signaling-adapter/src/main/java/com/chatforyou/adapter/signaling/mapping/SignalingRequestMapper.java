package com.chatforyou.adapter.signaling.mapping;

import com.chatforyou.adapter.signaling.dto.ChatSendRequest;
import com.chatforyou.adapter.signaling.dto.KnockAnswerRequest;
import com.chatforyou.adapter.signaling.dto.LockRequest;
import com.chatforyou.adapter.signaling.dto.LowerHandRequest;
import com.chatforyou.adapter.signaling.dto.MicrophonesRequest;
import com.chatforyou.adapter.signaling.dto.ParticipantActionRequest;
import com.chatforyou.adapter.signaling.dto.PasswordRequest;
import com.chatforyou.adapter.signaling.dto.ReactionRequest;
import com.chatforyou.adapter.signaling.dto.RoleRequest;
import com.chatforyou.adapter.signaling.dto.RoomRequest;
import com.chatforyou.adapter.signaling.dto.StopMediaRequest;
import com.chatforyou.adapter.signaling.dto.WaitingRoomRequest;
import com.chatforyou.adapter.signaling.dto.CreateRoomRequest;
import com.chatforyou.adapter.signaling.dto.IceCandidateDto;
import com.chatforyou.adapter.signaling.dto.JoinRoomRequest;
import com.chatforyou.adapter.signaling.dto.LinkIceRequest;
import com.chatforyou.adapter.signaling.dto.LinkSdpRequest;
import com.chatforyou.adapter.signaling.dto.MediaStateRequest;
import com.chatforyou.adapter.signaling.dto.SentMediaDto;
import com.chatforyou.adapter.signaling.dto.SessionDescriptionDto;
import com.chatforyou.domain.model.ClientAddress;
import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.IceCandidate;
import com.chatforyou.domain.model.KnockId;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.Role;
import com.chatforyou.domain.model.StoppedMedia;
import com.chatforyou.domain.model.LinkId;
import com.chatforyou.domain.model.MediaCapabilities;
import com.chatforyou.domain.model.MediaState;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.model.SessionDescription;
import com.chatforyou.domain.port.in.AnswerKnockUseCase.AnswerKnockCommand;
import com.chatforyou.domain.port.in.AskToUnmuteUseCase.AskToUnmuteCommand;
import com.chatforyou.domain.port.in.AssignRoleUseCase.AssignRoleCommand;
import com.chatforyou.domain.port.in.ConfigureWaitingRoomUseCase.ConfigureWaitingRoomCommand;
import com.chatforyou.domain.port.in.ControlMicrophonesUseCase.ControlMicrophonesCommand;
import com.chatforyou.domain.port.in.CreateRoomUseCase.CreateRoomCommand;
import com.chatforyou.domain.port.in.EndMeetingUseCase.EndMeetingCommand;
import com.chatforyou.domain.port.in.LockRoomUseCase.LockRoomCommand;
import com.chatforyou.domain.port.in.MuteParticipantUseCase.MuteParticipantCommand;
import com.chatforyou.domain.port.in.RaiseHandUseCase.LowerHandCommand;
import com.chatforyou.domain.port.in.RaiseHandUseCase.RaiseHandCommand;
import com.chatforyou.domain.port.in.RemoveParticipantUseCase.RemoveParticipantCommand;
import com.chatforyou.domain.port.in.SendReactionUseCase.SendReactionCommand;
import com.chatforyou.domain.port.in.SetRoomPasswordUseCase.SetRoomPasswordCommand;
import com.chatforyou.domain.port.in.StopParticipantMediaUseCase.StopParticipantMediaCommand;
import com.chatforyou.domain.port.in.JoinRoomUseCase.JoinRoomCommand;
import com.chatforyou.domain.port.in.NegotiateMediaUseCase.NegotiateMediaCommand;
import com.chatforyou.domain.port.in.PostChatMessageUseCase.PostChatMessageCommand;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/**
 * Request bodies to the domain's commands and values. The domain types validate themselves, so an
 * invalid SDP or candidate is refused here with its typed {@code ChatException}.
 */
@Mapper
public interface SignalingRequestMapper {

    SignalingRequestMapper INSTANCE = Mappers.getMapper(SignalingRequestMapper.class);

    /** The creating connection hosts the room once it joins; its address counts against the quotas. */
    default CreateRoomCommand toCommand(CreateRoomRequest request, ConnectionId creator, ClientAddress client) {
        return new CreateRoomCommand(request.name(), request.capacity(), request.password(), creator, client,
                Boolean.TRUE.equals(request.privateLink()), request.slug());
    }

    default JoinRoomCommand toCommand(JoinRoomRequest request, ConnectionId connection, ClientAddress client) {
        return new JoinRoomCommand(connection, toRoomId(request.roomId()), request.displayName(), request.password(),
                toCapabilities(request.media()), request.clientToken(), client);
    }

    @Mapping(target = "connection", source = "connection")
    @Mapping(target = "room", source = "request.roomId")
    @Mapping(target = "text", source = "request.text")
    PostChatMessageCommand toCommand(ChatSendRequest request, ConnectionId connection);

    @Mapping(target = "connection", source = "connection")
    @Mapping(target = "link", source = "request.linkId")
    @Mapping(target = "signal", source = "request.description")
    NegotiateMediaCommand toCommand(LinkSdpRequest request, ConnectionId connection);

    @Mapping(target = "connection", source = "connection")
    @Mapping(target = "link", source = "request.linkId")
    @Mapping(target = "signal", source = "request.candidate")
    NegotiateMediaCommand toCommand(LinkIceRequest request, ConnectionId connection);

    // ---- hosts, hands and reactions: the room is always named, so a request is never carried out elsewhere ----

    default MuteParticipantCommand toMute(ParticipantActionRequest request, ConnectionId connection) {
        return new MuteParticipantCommand(connection, toRoomId(request.roomId()), toParticipantId(request.participantId()));
    }

    default AskToUnmuteCommand toAskToUnmute(ParticipantActionRequest request, ConnectionId connection) {
        return new AskToUnmuteCommand(connection, toRoomId(request.roomId()), toParticipantId(request.participantId()));
    }

    default RemoveParticipantCommand toRemove(ParticipantActionRequest request, ConnectionId connection) {
        return new RemoveParticipantCommand(connection, toRoomId(request.roomId()),
                toParticipantId(request.participantId()));
    }

    default StopParticipantMediaCommand toStopMedia(StopMediaRequest request, ConnectionId connection) {
        return new StopParticipantMediaCommand(connection, toRoomId(request.roomId()),
                toParticipantId(request.participantId()), StoppedMedia.fromWire(request.kind()));
    }

    default AssignRoleCommand toAssignRole(RoleRequest request, ConnectionId connection) {
        return new AssignRoleCommand(connection, toRoomId(request.roomId()), toParticipantId(request.participantId()),
                Role.fromWire(request.role()));
    }

    default ControlMicrophonesCommand toControlMicrophones(MicrophonesRequest request, ConnectionId connection) {
        return new ControlMicrophonesCommand(connection, toRoomId(request.roomId()), request.hostsControl());
    }

    default LockRoomCommand toLock(LockRequest request, ConnectionId connection) {
        return new LockRoomCommand(connection, toRoomId(request.roomId()), request.locked());
    }

    default SetRoomPasswordCommand toSetPassword(PasswordRequest request, ConnectionId connection) {
        return new SetRoomPasswordCommand(connection, toRoomId(request.roomId()), request.password());
    }

    default ConfigureWaitingRoomCommand toWaitingRoom(WaitingRoomRequest request, ConnectionId connection) {
        return new ConfigureWaitingRoomCommand(connection, toRoomId(request.roomId()), request.enabled());
    }

    default AnswerKnockCommand toAnswerKnock(KnockAnswerRequest request, ConnectionId connection) {
        return new AnswerKnockCommand(connection, toRoomId(request.roomId()), new KnockId(request.knockId()));
    }

    default EndMeetingCommand toEndMeeting(RoomRequest request, ConnectionId connection) {
        return new EndMeetingCommand(connection, toRoomId(request.roomId()));
    }

    default RaiseHandCommand toRaiseHand(RoomRequest request, ConnectionId connection) {
        return new RaiseHandCommand(connection, toRoomId(request.roomId()));
    }

    default LowerHandCommand toLowerHand(LowerHandRequest request, ConnectionId connection) {
        return new LowerHandCommand(connection, toRoomId(request.roomId()), toParticipantId(request.participantId()));
    }

    default SendReactionCommand toReaction(ReactionRequest request, ConnectionId connection) {
        return new SendReactionCommand(connection, toRoomId(request.roomId()), request.emoji());
    }

    default ParticipantId toParticipantId(String value) {
        return value == null ? null : new ParticipantId(value);
    }

    default MediaState toMediaState(MediaStateRequest request) {
        return new MediaState(request.audioMuted(), request.videoMuted(), request.sharing());
    }

    SessionDescription toSessionDescription(SessionDescriptionDto description);

    IceCandidate toIceCandidate(IceCandidateDto candidate);

    /** Only "offer" and "answer" are accepted; anything else is an invalid-sdp refusal. */
    default SessionDescription.Type toSdpType(String wire) {
        return SessionDescription.parseType(wire);
    }

    /** No media object, or a flag left out, means the browser does not send that kind. */
    default MediaCapabilities toCapabilities(SentMediaDto media) {
        if (media == null) {
            return MediaCapabilities.RECEIVE_ONLY;
        }
        return new MediaCapabilities(Boolean.TRUE.equals(media.audio()), Boolean.TRUE.equals(media.video()));
    }

    default RoomId toRoomId(String value) {
        return value == null ? null : new RoomId(value);
    }

    default LinkId toLinkId(String value) {
        return value == null ? null : new LinkId(value);
    }
}
