package com.chatforyou.adapter.signaling.controller;

import static com.chatforyou.adapter.signaling.ConnectionPrincipal.connectionOf;

import com.chatforyou.adapter.signaling.SignalingDestinations;
import com.chatforyou.adapter.signaling.dto.CreateRoomRequest;
import com.chatforyou.adapter.signaling.dto.RoomCreatedEvent;
import com.chatforyou.adapter.signaling.dto.RoomsEvent;
import com.chatforyou.adapter.signaling.mapping.ServerEventMapper;
import com.chatforyou.adapter.signaling.mapping.SignalingRequestMapper;
import com.chatforyou.domain.port.in.CreateRoomUseCase;
import com.chatforyou.domain.port.in.ListRoomsUseCase;
import java.security.Principal;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.stereotype.Controller;

/** Listing and creating rooms; both replies go to the caller only. */
@Controller
public class LobbyController {

    private final ListRoomsUseCase listRooms;
    private final CreateRoomUseCase createRoom;

    public LobbyController(ListRoomsUseCase listRooms, CreateRoomUseCase createRoom) {
        this.listRooms = listRooms;
        this.createRoom = createRoom;
    }

    @MessageMapping("/lobby.rooms")
    @SendToUser(destinations = SignalingDestinations.EVENTS_QUEUE, broadcast = false)
    public RoomsEvent rooms() {
        return ServerEventMapper.INSTANCE.toRooms(listRooms.listRooms(), listRooms.capacityLimits());
    }

    /** The new room also reaches the lobby, through the notifier; the creating connection hosts it once it joins. */
    @MessageMapping("/room.create")
    @SendToUser(destinations = SignalingDestinations.EVENTS_QUEUE, broadcast = false)
    public RoomCreatedEvent createRoom(@Payload CreateRoomRequest request, Principal connection) {
        var room = createRoom.createRoom(SignalingRequestMapper.INSTANCE.toCommand(request, connectionOf(connection)));
        return ServerEventMapper.INSTANCE.toRoomCreated(room);
    }
}
