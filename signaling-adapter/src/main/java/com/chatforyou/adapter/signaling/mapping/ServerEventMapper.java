package com.chatforyou.adapter.signaling.mapping;

import com.chatforyou.adapter.signaling.dto.ChatEvent;
import com.chatforyou.adapter.signaling.dto.DeniedEvent;
import com.chatforyou.adapter.signaling.dto.HandsEvent;
import com.chatforyou.adapter.signaling.dto.KnockDto;
import com.chatforyou.adapter.signaling.dto.MediaStoppedByHostEvent;
import com.chatforyou.adapter.signaling.dto.MeetingEndedEvent;
import com.chatforyou.adapter.signaling.dto.MutedByHostEvent;
import com.chatforyou.adapter.signaling.dto.ParticipantRefDto;
import com.chatforyou.adapter.signaling.dto.RaisedHandDto;
import com.chatforyou.adapter.signaling.dto.ReactionEvent;
import com.chatforyou.adapter.signaling.dto.RemovedEvent;
import com.chatforyou.adapter.signaling.dto.RoleChangedEvent;
import com.chatforyou.adapter.signaling.dto.RoomSettingsDto;
import com.chatforyou.adapter.signaling.dto.RoomSettingsEvent;
import com.chatforyou.adapter.signaling.dto.UnmuteRequestedEvent;
import com.chatforyou.adapter.signaling.dto.WaitingEvent;
import com.chatforyou.adapter.signaling.dto.WaitingRoomEvent;
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
import com.chatforyou.adapter.signaling.dto.RoomFoundEvent;
import com.chatforyou.adapter.signaling.dto.RoomsEvent;
import com.chatforyou.adapter.signaling.dto.SdpEvent;
import com.chatforyou.adapter.signaling.dto.ServerEvent;
import com.chatforyou.adapter.signaling.dto.ServerRestartingEvent;
import com.chatforyou.adapter.signaling.dto.SessionDescriptionDto;
import com.chatforyou.domain.model.CapacityLimits;
import com.chatforyou.domain.model.ChatMessage;
import com.chatforyou.domain.model.IceCandidate;
import com.chatforyou.domain.model.IceServer;
import com.chatforyou.domain.model.Knock;
import com.chatforyou.domain.model.RaisedHand;
import com.chatforyou.domain.model.Role;
import com.chatforyou.domain.model.RoomControls;
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
        ServerEvent hosting = toHostingEvent(event);
        if (hosting != null) {
            return hosting;
        }
        throw new IllegalArgumentException("No wire form for " + event.getClass().getName());
    }

    @Mapping(target = "defaultCapacity", source = "limits.defaultCapacity")
    @Mapping(target = "maxCapacity", source = "limits.maximum")
    @Mapping(target = "rooms", source = "rooms")
    @Mapping(target = "listed", constant = "true")
    RoomsEvent toRooms(List<RoomSummary> rooms, CapacityLimits limits);

    /** The lobby of a server that hides its rooms: the capacities, and no room. */
    default RoomsEvent toHiddenRooms(CapacityLimits limits) {
        return new RoomsEvent(limits.defaultCapacity(), limits.maximum(), List.of(), false);
    }

    @Mapping(target = "room", source = "summary")
    RoomFoundEvent toRoomFound(RoomSummary summary);

    @Mapping(target = "room", source = "summary")
    RoomCreatedEvent toRoomCreated(RoomSummary summary);

    @Mapping(target = "participants", source = "others")
    @Mapping(target = "chat", source = "recentChat")
    @Mapping(target = "settings", source = "controls")
    JoinedEvent toJoined(RoomEvent.Joined event);

    /** The events of hosts, waiting rooms, hands and reactions; null for any other. */
    default ServerEvent toHostingEvent(RoomEvent event) {
        if (event instanceof RoomEvent.MutedByHost muted) {
            return new MutedByHostEvent(muted.room().value(), toRef(muted.by()), muted.mayUnmute());
        }
        if (event instanceof RoomEvent.UnmuteRequested asked) {
            return new UnmuteRequestedEvent(asked.room().value(), toRef(asked.by()));
        }
        if (event instanceof RoomEvent.MediaStoppedByHost stopped) {
            return new MediaStoppedByHostEvent(stopped.room().value(), stopped.kind().wireName(), toRef(stopped.by()));
        }
        if (event instanceof RoomEvent.Removed removed) {
            return new RemovedEvent(removed.room().value(), toRef(removed.by()),
                    removed.rejoinAfter().map(this::toIsoInstant).orElse(null));
        }
        if (event instanceof RoomEvent.MeetingEnded ended) {
            return new MeetingEndedEvent(ended.room().value(), toRef(ended.by()));
        }
        if (event instanceof RoomEvent.RoleChanged changed) {
            return new RoleChangedEvent(changed.room().value(), changed.participant().id().value(),
                    changed.participant().role().wireName(), changed.by().map(ParticipantId::value).orElse(null));
        }
        if (event instanceof RoomEvent.ControlsChanged changed) {
            return new RoomSettingsEvent(changed.room().value(), toSettings(changed.controls()), changed.by().value());
        }
        if (event instanceof RoomEvent.Waiting waiting) {
            return new WaitingEvent(waiting.room().value(), waiting.name().value(), waiting.knock().value());
        }
        if (event instanceof RoomEvent.Denied denied) {
            return new DeniedEvent(denied.room().value(), denied.name().value(), denied.reason().wireName());
        }
        if (event instanceof RoomEvent.WaitingListChanged changed) {
            return new WaitingRoomEvent(changed.room().value(), toKnocks(changed.waiting()));
        }
        if (event instanceof RoomEvent.HandsChanged hands) {
            return new HandsEvent(hands.room().value(), toRaisedHands(hands.raised()));
        }
        if (event instanceof RoomEvent.Reacted reacted) {
            return new ReactionEvent(reacted.room().value(), reacted.participant().value(), reacted.reaction().emoji());
        }
        return null;
    }

    @Mapping(target = "participantId", source = "id.value")
    @Mapping(target = "displayName", source = "displayName.value")
    ParticipantRefDto toRef(Participant participant);

    RoomSettingsDto toSettings(RoomControls controls);

    @Mapping(target = "participantId", source = "participant.value")
    RaisedHandDto toRaisedHand(RaisedHand hand);

    List<RaisedHandDto> toRaisedHands(List<RaisedHand> hands);

    @Mapping(target = "knockId", source = "id.value")
    @Mapping(target = "displayName", source = "newcomer.displayName.value")
    KnockDto toKnock(Knock knock);

    List<KnockDto> toKnocks(List<Knock> knocks);

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
    @Mapping(target = "mayUnmute", source = "mayUnmute")
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
    @Mapping(target = "slug", source = "slug.value")
    RoomDto toRoom(RoomSummary summary);

    @Mapping(target = "participantId", source = "id.value")
    @Mapping(target = "displayName", source = "displayName.value")
    @Mapping(target = "sendsAudio", source = "capabilities.sendsAudio")
    @Mapping(target = "sendsVideo", source = "capabilities.sendsVideo")
    @Mapping(target = "audioMuted", source = "mediaState.audioMuted")
    @Mapping(target = "videoMuted", source = "mediaState.videoMuted")
    @Mapping(target = "sharing", source = "mediaState.sharing")
    @Mapping(target = "role", source = "role")
    @Mapping(target = "mayUnmute", expression = "java(participant.mayUnmute())")
    ParticipantDto toParticipant(Participant participant);

    default String toWire(Role role) {
        return role == null ? null : role.wireName();
    }

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
    @ValueMapping(source = "REMOVED", target = "removed")
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
