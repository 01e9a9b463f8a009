package com.chatforyou.adapter.signaling.mapping;

import com.chatforyou.adapter.signaling.dto.ChatSendRequest;
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
import com.chatforyou.domain.model.LinkId;
import com.chatforyou.domain.model.MediaCapabilities;
import com.chatforyou.domain.model.MediaState;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.model.SessionDescription;
import com.chatforyou.domain.port.in.CreateRoomUseCase.CreateRoomCommand;
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

    default CreateRoomCommand toCommand(CreateRoomRequest request, ConnectionId connection, ClientAddress client) {
        return new CreateRoomCommand(connection, client, request.name(), request.capacity(), request.password());
    }

    default JoinRoomCommand toCommand(JoinRoomRequest request, ConnectionId connection, ClientAddress client) {
        return new JoinRoomCommand(connection, toRoomId(request.roomId()), request.displayName(), request.password(),
                toCapabilities(request.media()), client);
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
