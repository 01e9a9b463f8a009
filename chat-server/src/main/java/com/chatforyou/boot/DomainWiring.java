package com.chatforyou.boot;

import com.chatforyou.adapter.names.IcuNameSkeletons;
import com.chatforyou.adapter.signaling.SignedInConnections;
import com.chatforyou.boot.internet.InternetProperties;
import com.chatforyou.domain.model.HostHandover;
import com.chatforyou.domain.port.out.IceServerProvider;
import com.chatforyou.domain.port.out.IdGenerator;
import com.chatforyou.domain.port.out.MediaPort;
import com.chatforyou.domain.port.out.ParticipantNotifier;
import com.chatforyou.domain.port.out.RoomStorePort;
import com.chatforyou.domain.port.out.TimeSource;
import com.chatforyou.domain.service.ChatService;
import com.chatforyou.domain.service.HandsService;
import com.chatforyou.domain.service.HostRolesService;
import com.chatforyou.domain.service.HostSettings;
import com.chatforyou.domain.service.LobbyService;
import com.chatforyou.domain.service.MediaNegotiationService;
import com.chatforyou.domain.service.MembershipService;
import com.chatforyou.domain.service.ParticipantModerationService;
import com.chatforyou.domain.service.ReactionsService;
import com.chatforyou.domain.service.RoomAccessService;
import com.chatforyou.domain.service.RoomServices;
import com.chatforyou.domain.service.RoomSettings;
import com.chatforyou.domain.service.Safeguards;
import com.chatforyou.domain.service.RoomStatisticsService;
import com.chatforyou.domain.service.ServerRestartService;
import com.chatforyou.domain.store.InMemoryRoomStore;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.ThreadPoolExecutor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration(proxyBeanMethods = false)
class DomainWiring {

    /** Rooms live in this server's memory; a cluster mode would put a shared store here. */
    @Bean
    RoomStorePort roomStore() {
        return new InMemoryRoomStore();
    }

    @Bean
    RoomServices roomServices(MediaPort media, ParticipantNotifier notifier, IceServerProvider iceServers,
                              TimeSource clock, IdGenerator ids, RoomStorePort roomStore,
                              ChatForYouProperties properties, SignedInConnections signedIn, Safeguards safeguards) {
        var rooms = properties.rooms();
        return new RoomServices(media, notifier, iceServers, clock, ids,
                new RoomSettings(rooms.maxRooms(), rooms.abandonedRoomTimeout(), rooms.reconnectGrace(),
                        ParticipantCapacity.ofThisJvm(rooms.maxRooms()).cap(rooms.maxParticipants()),
                        rooms.reloadGrace()), roomStore,
                hostSettings(properties.hosts()), signedIn, safeguards);
    }

    /**
     * See docs/operations.md, "Running on the internet". Who may create rooms comes from the same record
     * of signed-in connections as who a room's creator is ({@link SignedInConnections}).
     */
    @Bean
    Safeguards safeguards(InternetProperties internet, ThreadPoolExecutor passwordWorker,
                          SignedInConnections signedIn) {
        var passwords = internet.passwords();
        return new Safeguards(passwordWorker, passwords.perClient().toBackoff(), passwords.perRoom().toBackoff(),
                internet.quotas().toRoomQuotas(), signedIn, new IcuNameSkeletons());
    }

    static HostSettings hostSettings(ChatForYouProperties.Hosts hosts) {
        HostHandover handover = switch (hosts.handover()) {
            case "longest-present" -> HostHandover.LONGEST_PRESENT;
            case "none" -> HostHandover.NONE;
            default -> throw new Misconfiguration("chatforyou.hosts.handover (CHATFORYOU_HOSTS_HANDOVER) is '"
                    + hosts.handover() + "'", "Set it to longest-present or none.");
        };
        if (hosts.removalBan().isNegative()) {
            throw new Misconfiguration("chatforyou.hosts.removal-ban is negative", "Set it to 0s or more.");
        }
        return new HostSettings(handover, hosts.removalBan());
    }

    // One bean per group of use cases; the signaling adapter asks for the use case interfaces.

    @Bean
    LobbyService lobbyService(RoomServices services) {
        return services.lobby();
    }

    @Bean
    MembershipService membershipService(RoomServices services) {
        return services.membership();
    }

    @Bean
    ServerRestartService serverRestartService(RoomServices services) {
        return services.restart();
    }

    @Bean
    ParticipantModerationService participantModerationService(RoomServices services) {
        return services.participantModeration();
    }

    @Bean
    RoomAccessService roomAccessService(RoomServices services) {
        return services.roomAccess();
    }

    @Bean
    HostRolesService hostRolesService(RoomServices services) {
        return services.hostRoles();
    }

    @Bean
    HandsService handsService(RoomServices services) {
        return services.hands();
    }

    @Bean
    ReactionsService reactionsService(RoomServices services) {
        return services.reactions();
    }

    @Bean
    ChatService chatService(RoomServices services) {
        return services.chat();
    }

    @Bean
    MediaNegotiationService mediaNegotiationService(RoomServices services) {
        return services.mediaNegotiation();
    }

    @Bean
    RoomStatisticsService roomStatisticsService(RoomServices services) {
        return services.statistics();
    }

    @Bean
    TimeSource timeSource() {
        return Instant::now;
    }

    @Bean
    IdGenerator idGenerator() {
        // One DRBG per thread: SecureRandom's default on Linux (NativePRNG) serialises every caller on one lock.
        ThreadLocal<SecureRandom> perThread = ThreadLocal.withInitial(DomainWiring::drbg);
        return new RandomIdGenerator(perThread::get);
    }

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (java.security.NoSuchAlgorithmException notInThisJdk) {
            return new SecureRandom();
        }
    }

    @Bean
    RoomHousekeeping roomHousekeeping(LobbyService lobby, MembershipService membership) {
        return new RoomHousekeeping(lobby, membership);
    }

    /** Removes rooms that were created but never joined, and releases seats not resumed in time. */
    static class RoomHousekeeping {
        private final LobbyService lobby;
        private final MembershipService membership;

        RoomHousekeeping(LobbyService lobby, MembershipService membership) {
            this.lobby = lobby;
            this.membership = membership;
        }

        @Scheduled(fixedDelayString = "${chatforyou.rooms.housekeeping-interval:15s}")
        void closeAbandonedRooms() {
            lobby.closeAbandonedRooms();
        }

        @Scheduled(fixedDelayString = "${chatforyou.rooms.reconnect-sweep-interval:1s}")
        void releaseExpiredSeats() {
            membership.releaseExpiredSeats();
        }
    }
}
