package com.chatforyou.boot;

import com.chatforyou.domain.port.out.IceServerProvider;
import com.chatforyou.domain.port.out.IdGenerator;
import com.chatforyou.domain.port.out.MediaPort;
import com.chatforyou.domain.port.out.ParticipantNotifier;
import com.chatforyou.domain.port.out.TimeSource;
import com.chatforyou.domain.service.RoomService;
import com.chatforyou.domain.service.RoomSettings;
import java.security.SecureRandom;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration(proxyBeanMethods = false)
class DomainWiring {

    @Bean
    RoomService roomService(MediaPort media, ParticipantNotifier notifier, IceServerProvider iceServers,
                            TimeSource clock, IdGenerator ids, ChatForYouProperties properties) {
        var rooms = properties.rooms();
        return new RoomService(media, notifier, iceServers, clock, ids,
                new RoomSettings(rooms.maxRooms(), rooms.abandonedRoomTimeout(), rooms.reconnectGrace(),
                        ParticipantCapacity.ofThisJvm(rooms.maxRooms()).cap(rooms.maxParticipants())));
    }

    @Bean
    TimeSource timeSource() {
        return Instant::now;
    }

    @Bean
    IdGenerator idGenerator() {
        return new RandomIdGenerator(new SecureRandom());
    }

    @Bean
    RoomHousekeeping roomHousekeeping(RoomService rooms) {
        return new RoomHousekeeping(rooms);
    }

    /** Removes rooms that were created but never joined, and releases seats not resumed in time. */
    static class RoomHousekeeping {
        private final RoomService rooms;

        RoomHousekeeping(RoomService rooms) {
            this.rooms = rooms;
        }

        @Scheduled(fixedDelayString = "${chatforyou.rooms.housekeeping-interval:15s}")
        void closeAbandonedRooms() {
            rooms.closeAbandonedRooms();
        }

        @Scheduled(fixedDelayString = "${chatforyou.rooms.reconnect-sweep-interval:1s}")
        void releaseExpiredSeats() {
            rooms.releaseExpiredSeats();
        }
    }
}
