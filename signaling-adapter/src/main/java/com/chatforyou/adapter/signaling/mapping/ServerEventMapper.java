package com.chatforyou.adapter.signaling.mapping;

import com.chatforyou.adapter.signaling.dto.ChatEvent;
import com.chatforyou.adapter.signaling.dto.ChatMessageDto;
import com.chatforyou.adapter.signaling.dto.IceCandidateDto;
import com.chatforyou.adapter.signaling.dto.IceEvent;
import com.chatforyou.adapter.signaling.dto.IceServerDto;
import com.chatforyou.adapter.signaling.dto.IceServersEvent;
import com.chatforyou.adapter.signaling.dto.JoinedEvent;
import com.chatforyou.adapter.signaling.dto.LeftEvent;
import com.chatforyou.adapter.signaling.dto.LinkCloseEvent;
import com.chatforyou.adapter.signaling.dto.LinkOpenEvent;
import com.chatforyou.adapter.signaling.dto.MediaServerEvent;
import com.chatforyou.adapter.signaling.dto.MediaStateEvent;
import com.chatforyou.adapter.signaling.dto.ParticipantDto;
import com.chatforyou.adapter.signaling.dto.ParticipantJoinedEvent;
import com.chatforyou.adapter.signaling.dto.ParticipantLeftEvent;
import com.chatforyou.adapter.signaling.dto.RoomCreatedEvent;
import com.chatforyou.adapter.signaling.dto.RoomDto;
import com.chatforyou.adapter.signaling.dto.RoomsEvent;
import com.chatforyou.adapter.signaling.dto.SdpEvent;
import com.chatforyou.adapter.signaling.dto.ServerEvent;
import com.chatforyou.adapter.signaling.dto.ServerRestartingEvent;
import com.chatforyou.adapter.signaling.dto.SessionDescriptionDto;
import com.chatforyou.domain.model.CapacityLimits;
import com.chatforyou.domain.model.ChatMessage;
import com.chatforyou.domain.model.IceCandidate;
import com.chatforyou.domain.model.IceServer;
import com.chatforyou.domain.model.LeaveReason;
import com.chatforyou.domain.model.Participant;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.RoomEvent;
import com.chatforyou.domain.model.RoomSummary;
import com.chatforyou.domain.model.SessionDescription;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ValueMapping;
import org.mapstruct.factory.Mappers;

/** Domain events and room lists to the wire events of docs/signaling-protocol.md. */
@Mapper
public interface ServerEventMapper {

    ServerEventMapper INSTANCE = Mappers.getMapper(ServerEventMapper.class);

    String SEND = "send";
    String RECEIVE = "receive";

    /** The wire form of a room event for the one participant it is addressed to. */
    default ServerEvent toServerEvent(RoomEvent event) {
        if (event instanceof RoomEvent.Joined joined) {
            return toJoined(joined);
        }
        if (event instanceof RoomEvent.ParticipantJoined joined) {
            return toParticipantJoined(joined);
        }
        if (event instanceof RoomEvent.ParticipantLeft left) {
            return toParticipantLeft(left);
        }
        if (event instanceof RoomEvent.Left left) {
            return toLeft(left);
        }
        if (event instanceof RoomEvent.ChatPosted chat) {
            return toChat(chat);
        }
        if (event instanceof RoomEvent.MediaStateChanged state) {
            return toMediaState(state);
        }
        if (event instanceof RoomEvent.LinkOpened opened) {
            return toLinkOpen(opened);
        }
        if (event instanceof RoomEvent.LinkClosed closed) {
            return toLinkClose(closed);
        }
        if (event instanceof RoomEvent.SignalReceived signal) {
            return toSignal(signal);
        }
        if (event instanceof RoomEvent.IceServersRefreshed refreshed) {
            return toIceServers(refreshed);
        }
        if (event instanceof RoomEvent.ServerRestarting restarting) {
            return toServerRestarting(restarting);
        }
        if (event instanceof RoomEvent.MediaServerStatus status) {
            return new MediaServerEvent(status.room().value(), status.available());
        }
        throw new IllegalArgumentException("No wire form for " + event.getClass().getName());
    }

    @Mapping(target = "defaultCapacity", source = "limits.defaultCapacity")
    @Mapping(target = "maxCapacity", source = "limits.maximum")
    @Mapping(target = "rooms", source = "rooms")
    RoomsEvent toRooms(List<RoomSummary> rooms, CapacityLimits limits);

    @Mapping(target = "room", source = "summary")
    RoomCreatedEvent toRoomCreated(RoomSummary summary);

    @Mapping(target = "participants", source = "others")
    @Mapping(target = "chat", source = "recentChat")
    JoinedEvent toJoined(RoomEvent.Joined event);

    @Mapping(target = "roomId", source = "room.value")
    ParticipantJoinedEvent toParticipantJoined(RoomEvent.ParticipantJoined event);

    @Mapping(target = "roomId", source = "room.value")
    @Mapping(target = "participantId", source = "participant.value")
    ParticipantLeftEvent toParticipantLeft(RoomEvent.ParticipantLeft event);

    @Mapping(target = "roomId", source = "room.value")
    LeftEvent toLeft(RoomEvent.Left event);

    @Mapping(target = "roomId", source = "room.value")
    ChatEvent toChat(RoomEvent.ChatPosted event);

    @Mapping(target = "roomId", source = "room.value")
    @Mapping(target = "participantId", source = "participant.value")
    @Mapping(target = "audioMuted", source = "state.audioMuted")
    @Mapping(target = "videoMuted", source = "state.videoMuted")
    @Mapping(target = "sharing", source = "state.sharing")
    MediaStateEvent toMediaState(RoomEvent.MediaStateChanged event);

    @Mapping(target = "linkId", source = "link.value")
    @Mapping(target = "publisherId", source = "publisher.value")
    @Mapping(target = "peerId", source = "peer")
    @Mapping(target = "direction", expression = "java(directionOf(event))")
    @Mapping(target = "polite", source = "youArePolite")
    LinkOpenEvent toLinkOpen(RoomEvent.LinkOpened event);

    @Mapping(target = "linkId", source = "link.value")
    LinkCloseEvent toLinkClose(RoomEvent.LinkClosed event);

    IceServersEvent toIceServers(RoomEvent.IceServersRefreshed event);

    @Mapping(target = "roomId", source = "room.value")
    ServerRestartingEvent toServerRestarting(RoomEvent.ServerRestarting event);

    default ServerEvent toSignal(RoomEvent.SignalReceived event) {
        String linkId = event.link().value();
        if (event.signal() instanceof SessionDescription description) {
            return new SdpEvent(linkId, toSessionDescription(description));
        }
        if (event.signal() instanceof IceCandidate candidate) {
            return new IceEvent(linkId, toIceCandidate(candidate));
        }
        throw new IllegalArgumentException("No wire form for " + event.signal().getClass().getName());
    }

    @Mapping(target = "roomId", source = "id.value")
    @Mapping(target = "name", source = "name.value")
    @Mapping(target = "participants", source = "participantCount")
    @Mapping(target = "capacity", source = "capacity.value")
    RoomDto toRoom(RoomSummary summary);

    @Mapping(target = "participantId", source = "id.value")
    @Mapping(target = "displayName", source = "displayName.value")
    @Mapping(target = "sendsAudio", source = "capabilities.sendsAudio")
    @Mapping(target = "sendsVideo", source = "capabilities.sendsVideo")
    @Mapping(target = "audioMuted", source = "mediaState.audioMuted")
    @Mapping(target = "videoMuted", source = "mediaState.videoMuted")
    @Mapping(target = "sharing", source = "mediaState.sharing")
    ParticipantDto toParticipant(Participant participant);

    @Mapping(target = "messageId", source = "id.value")
    @Mapping(target = "authorId", source = "authorId.value")
    @Mapping(target = "authorName", source = "authorName.value")
    @Mapping(target = "text", source = "text.value")
    @Mapping(target = "sentAt", source = "sentAt")
    ChatMessageDto toChatMessage(ChatMessage message);

    IceServerDto toIceServer(IceServer server);

    SessionDescriptionDto toSessionDescription(SessionDescription description);

    IceCandidateDto toIceCandidate(IceCandidate candidate);

    @ValueMapping(source = "LEFT", target = "left")
    @ValueMapping(source = "DISCONNECTED", target = "disconnected")
    String toWire(LeaveReason reason);

    @ValueMapping(source = "OFFER", target = "offer")
    @ValueMapping(source = "ANSWER", target = "answer")
    String toWire(SessionDescription.Type type);

    /** Millisecond precision keeps the string in the form JavaScript's Date parses everywhere. */
    default String toIsoInstant(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** Null tells the browser that the other end is the media server. */
    default String toPeerId(Optional<ParticipantId> peer) {
        return peer.map(ParticipantId::value).orElse(null);
    }

    /** "send" when the recipient is the link's publisher, "receive" otherwise. */
    default String directionOf(RoomEvent.LinkOpened event) {
        return event.youPublish() ? SEND : RECEIVE;
    }
}
