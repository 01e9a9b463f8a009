package com.chatforyou.boot.internet;

import com.chatforyou.domain.service.AttemptBackoff;
import com.chatforyou.domain.service.RoomQuotas;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What keeps a server on the open internet usable under abuse: the password worker and backoff, the
 * per-address quotas and the trusted proxies; see docs/operations.md, "Running on the internet".
 */
@ConfigurationProperties("chatforyou.internet")
public record InternetProperties(
        @DefaultValue Passwords passwords,
        @DefaultValue Quotas quotas,
        @DefaultValue List<String> trustedProxies) {

    /**
     * @param workerThreads threads that hash passwords: the most CPU password checks can take
     * @param queue         checks that may wait for a thread; beyond it, {@code password-checks-busy}
     */
    public record Passwords(
            @DefaultValue("1") int workerThreads,
            @DefaultValue("8") int queue,
            @DefaultValue ClientBackoff perClient,
            @DefaultValue RoomBackoff perRoom) {
    }

    public record ClientBackoff(
            @DefaultValue("5") int freeFailures,
            @DefaultValue("1s") Duration firstDelay,
            @DefaultValue("15m") Duration maxDelay) {

        public AttemptBackoff toBackoff() {
            return new AttemptBackoff(freeFailures, firstDelay, maxDelay);
        }
    }

    public record RoomBackoff(
            @DefaultValue("20") int freeFailures,
            @DefaultValue("1s") Duration firstDelay,
            @DefaultValue("30s") Duration maxDelay) {

        public AttemptBackoff toBackoff() {
            return new AttemptBackoff(freeFailures, firstDelay, maxDelay);
        }
    }

    public record Quotas(
            @DefaultValue("50") int connectionsPerAddress,
            @DefaultValue("30") int roomsPerAddressPerHour,
            @DefaultValue("3") int unjoinedRoomsPerAddress) {

        public RoomQuotas toRoomQuotas() {
            return new RoomQuotas(roomsPerAddressPerHour, unjoinedRoomsPerAddress);
        }
    }
}
