package com.chatforyou.adapter.signaling.controller;

import static com.chatforyou.adapter.signaling.ConnectionPrincipal.clientOf;
import static com.chatforyou.adapter.signaling.ConnectionPrincipal.connectionOf;

import com.chatforyou.adapter.signaling.LobbySettings;
import com.chatforyou.adapter.signaling.SignalingDestinations;
import com.chatforyou.adapter.signaling.dto.CreateRoomRequest;
import com.chatforyou.adapter.signaling.dto.FindRoomRequest;
import com.chatforyou.adapter.signaling.dto.RoomCreatedEvent;
import com.chatforyou.adapter.signaling.dto.RoomFoundEvent;
import com.chatforyou.adapter.signaling.dto.RoomsEvent;
import com.chatforyou.adapter.signaling.mapping.ServerEventMapper;
import com.chatforyou.adapter.signaling.mapping.SignalingRequestMapper;
import com.chatforyou.domain.port.in.CreateRoomUseCase;
import com.chatforyou.domain.port.in.FindRoomQuery;
import com.chatforyou.domain.port.in.ListRoomsUseCase;
import java.security.Principal;
import java.util.concurrent.CompletableFuture;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.stereotype.Controller;

/** Listing, finding and creating rooms; every reply goes to the caller only. */
@Controller
public class LobbyController {

    private final ListRoomsUseCase listRooms;
    private final CreateRoomUseCase createRoom;
    private final FindRoomQuery findRoom;
    private final LobbySettings lobby;

    public LobbyController(ListRoomsUseCase listRooms, CreateRoomUseCase createRoom, FindRoomQuery findRoom,
                           LobbySettings lobby) {
        this.listRooms = listRooms;
        this.createRoom = createRoom;
        this.findRoom = findRoom;
        this.lobby = lobby;
    }

    @MessageMapping("/lobby.rooms")
    @SendToUser(destinations = SignalingDestinations.EVENTS_QUEUE, broadcast = false)
    public RoomsEvent rooms() {
        return lobby.listRooms()
                ? ServerEventMapper.INSTANCE.toRooms(listRooms.listRooms(), listRooms.capacityLimits())
                : ServerEventMapper.INSTANCE.toHiddenRooms(listRooms.capacityLimits());
    }

    /** The room of an invite link; an unknown or ended one is refused with room-not-found. */
    @MessageMapping("/room.find")
    @SendToUser(destinations = SignalingDestinations.EVENTS_QUEUE, broadcast = false)
    public RoomFoundEvent find(@Payload FindRoomRequest request) {
        return ServerEventMapper.INSTANCE.toRoomFound(findRoom.findRoom(request.slug()));
    }

    /**
     * The new room also reaches the lobby, through the notifier; the creating connection hosts it once it
     * joins. A room with a password is answered once the password worker hashed it; a failure then
     * reaches {@link SignalingErrorAdvice} too.
     */
    @MessageMapping("/room.create")
    @SendToUser(destinations = SignalingDestinations.EVENTS_QUEUE, broadcast = false)
    public CompletableFuture<RoomCreatedEvent> createRoom(@Payload CreateRoomRequest request, Principal user) {
        return createRoom.createRoom(SignalingRequestMapper.INSTANCE.toCommand(request, connectionOf(user), clientOf(user)))
                .thenApply(ServerEventMapper.INSTANCE::toRoomCreated)
                .toCompletableFuture();
    }
}
