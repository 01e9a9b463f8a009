package com.chatforyou.boot;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The server's own settings; see docs/operations.md. */
@ConfigurationProperties("chatforyou")
public record ChatForYouProperties(
        @DefaultValue Rooms rooms,
        @DefaultValue Media media,
        @DefaultValue Ice ice) {

    public record Rooms(
            @DefaultValue("100") int maxRooms,
            @DefaultValue("60s") Duration abandonedRoomTimeout) {
    }

    public record Media(@DefaultValue("mesh") String backend) {
    }

    public record Ice(@DefaultValue List<String> stunUrls) {
    }
}
