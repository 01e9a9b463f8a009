package com.chatforyou.domain.service;

import com.chatforyou.domain.port.out.IceServerProvider;
import com.chatforyou.domain.port.out.IdGenerator;
import com.chatforyou.domain.port.out.MediaPort;
import com.chatforyou.domain.port.out.ParticipantNotifier;
import com.chatforyou.domain.port.out.RoomStorePort;
import com.chatforyou.domain.port.out.TimeSource;

/**
 * The room use cases, built over one room store and sharing the server's seats: one service per group
 * of use cases. The media backend's events go to {@link #mediaNegotiation()}.
 */
public final class RoomServices {

    private final LobbyService lobby;
    private final MembershipService membership;
    private final ChatService chat;
    private final MediaNegotiationService mediaNegotiation;
    private final RoomStatisticsService statistics;

    public RoomServices(MediaPort media, ParticipantNotifier notifier, IceServerProvider iceServerProvider,
                        TimeSource clock, IdGenerator ids, RoomSettings settings, RoomStorePort store) {
        this(media, notifier, iceServerProvider, clock, ids, settings, store, Safeguards.DEFAULTS);
    }

    public RoomServices(MediaPort media, ParticipantNotifier notifier, IceServerProvider iceServerProvider,
                        TimeSource clock, IdGenerator ids, RoomSettings settings, RoomStorePort store,
                        Safeguards safeguards) {
        PasswordChecks passwords = new PasswordChecks(safeguards, clock);
        Seats seats = new Seats(settings.maxParticipants());
        RoomMessenger messenger = new RoomMessenger(notifier);
        RoomList roomList = new RoomList(store, notifier, media);
        RestartGate restart = new RestartGate();
        RoomMedia roomMedia = new RoomMedia(media, ids, messenger);
        IceServerGrants iceServers = new IceServerGrants(iceServerProvider, clock);
        lobby = new LobbyService(store, roomList, restart, media, clock, ids, settings, safeguards, passwords);
        membership = new MembershipService(store, seats, roomMedia, iceServers, messenger, roomList, restart, clock,
                ids, settings, passwords);
        chat = new ChatService(store, seats, messenger, clock, ids);
        mediaNegotiation = new MediaNegotiationService(store, seats, roomMedia, iceServers, messenger, media, clock);
        statistics = new RoomStatisticsService(store, seats);
        media.attach(mediaNegotiation);
    }

    public LobbyService lobby() {
        return lobby;
    }

    public MembershipService membership() {
        return membership;
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
}
