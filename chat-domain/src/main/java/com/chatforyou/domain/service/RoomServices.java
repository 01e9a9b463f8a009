package com.chatforyou.domain.service;

import com.chatforyou.domain.port.out.IceServerProvider;
import com.chatforyou.domain.port.out.IdGenerator;
import com.chatforyou.domain.port.out.MediaPort;
import com.chatforyou.domain.port.out.ParticipantNotifier;
import com.chatforyou.domain.port.out.RoomStorePort;
import com.chatforyou.domain.port.out.SignedInUserPort;
import com.chatforyou.domain.port.out.TimeSource;

/**
 * The room use cases, built over one room store and sharing the server's seats: one service per group
 * of use cases. The media backend's events go to {@link #mediaNegotiation()}.
 */
public final class RoomServices {

    private final LobbyService lobby;
    private final MembershipService membership;
    private final ServerRestartService restart;
    private final ChatService chat;
    private final MediaNegotiationService mediaNegotiation;
    private final RoomStatisticsService statistics;
    private final ParticipantModerationService participantModeration;
    private final RoomAccessService roomAccess;
    private final HostRolesService hostRoles;
    private final HandsService hands;
    private final ReactionsService reactions;

    /** With the default host settings and safeguards, without host sign-in, hashing on the caller's thread. */
    public RoomServices(MediaPort media, ParticipantNotifier notifier, IceServerProvider iceServerProvider,
                        TimeSource clock, IdGenerator ids, RoomSettings settings, RoomStorePort store) {
        this(media, notifier, iceServerProvider, clock, ids, settings, store, HostSettings.DEFAULTS,
                SignedInUserPort.NOBODY, Safeguards.DEFAULTS);
    }

    public RoomServices(MediaPort media, ParticipantNotifier notifier, IceServerProvider iceServerProvider,
                        TimeSource clock, IdGenerator ids, RoomSettings settings, RoomStorePort store,
                        HostSettings hostSettings, SignedInUserPort signedIn, Safeguards safeguards) {
        PasswordChecks passwords = new PasswordChecks(safeguards, clock);
        Seats seats = new Seats(settings.maxParticipants());
        RoomMessenger messenger = new RoomMessenger(notifier);
        RoomList roomList = new RoomList(store, notifier, media);
        RestartGate restartGate = new RestartGate();
        RoomMedia roomMedia = new RoomMedia(media, ids, messenger);
        IceServerGrants iceServers = new IceServerGrants(iceServerProvider, clock);
        Seating seating = new Seating(store, seats, roomMedia, iceServers, messenger, roomList, clock, ids);
        WaitingRoomDoor door = new WaitingRoomDoor(store, seats, seating, messenger, clock, ids);
        Callers callers = new Callers(store, seats);
        lobby = new LobbyService(store, roomList, restartGate, media, clock, ids, settings, hostSettings, signedIn,
                safeguards, passwords);
        membership = new MembershipService(store, seats, seating, door, roomMedia, iceServers, messenger, roomList,
                restartGate, signedIn, clock, settings, passwords);
        restart = new ServerRestartService(store, seating, roomList, restartGate);
        chat = new ChatService(store, seats, messenger, clock, ids);
        mediaNegotiation = new MediaNegotiationService(store, seats, roomMedia, iceServers, messenger, media, clock);
        statistics = new RoomStatisticsService(store, seats);
        participantModeration = new ParticipantModerationService(callers, seats, seating, messenger, roomList, clock,
                hostSettings);
        roomAccess = new RoomAccessService(callers, seating, door, messenger, roomList, passwords);
        hostRoles = new HostRolesService(callers, seating);
        hands = new HandsService(callers, messenger, clock);
        reactions = new ReactionsService(callers, messenger, clock);
        media.attach(mediaNegotiation);
    }

    public LobbyService lobby() {
        return lobby;
    }

    public MembershipService membership() {
        return membership;
    }

    public ServerRestartService restart() {
        return restart;
    }

    public ChatService chat() {
        return chat;
    }

    public MediaNegotiationService mediaNegotiation() {
        return mediaNegotiation;
    }

    public RoomStatisticsService statistics() {
        return statistics;
    }

    public ParticipantModerationService participantModeration() {
        return participantModeration;
    }

    public RoomAccessService roomAccess() {
        return roomAccess;
    }

    public HostRolesService hostRoles() {
        return hostRoles;
    }

    public HandsService hands() {
        return hands;
    }

    public ReactionsService reactions() {
        return reactions;
    }
}
