package com.chatforyou.adapter.signaling.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Everything the server sends. Each event names itself in a {@code type} field (the record's
 * {@code @JsonTypeName}); nulls are written out because the protocol documents them (e.g. {@code peerId}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonInclude(JsonInclude.Include.ALWAYS)
public sealed interface ServerEvent permits RoomsEvent, RoomCreatedEvent, RoomFoundEvent, JoinedEvent, ParticipantJoinedEvent,
        ParticipantLeftEvent, LeftEvent, ChatEvent, MediaStateEvent, LinkOpenEvent, LinkCloseEvent, SdpEvent,
        IceEvent, IceServersEvent, ServerRestartingEvent, MediaServerEvent, ErrorEvent, MutedByHostEvent,
        UnmuteRequestedEvent, MediaStoppedByHostEvent, RemovedEvent, MeetingEndedEvent, RoleChangedEvent,
        RoomSettingsEvent, WaitingEvent, DeniedEvent, WaitingRoomEvent, HandsEvent, ReactionEvent {
}
