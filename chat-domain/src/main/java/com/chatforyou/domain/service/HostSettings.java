package com.chatforyou.domain.service;

import com.chatforyou.domain.model.HostHandover;
import java.time.Duration;

/**
 * How rooms are hosted on this server.
 *
 * @param handover   who hosts a room once its last host left (see {@link HostHandover})
 * @param removalBan how long a removed participant may not come back into that room; zero: at once
 */
public record HostSettings(HostHandover handover, Duration removalBan) {
    public static final Duration DEFAULT_REMOVAL_BAN = Duration.ofMinutes(10);
    public static final HostSettings DEFAULTS = new HostSettings(HostHandover.LONGEST_PRESENT, DEFAULT_REMOVAL_BAN);

    public HostSettings {
        if (handover == null || removalBan == null || removalBan.isNegative()) {
            throw new IllegalArgumentException("a handover and a non-negative removal ban are required");
        }
    }
}
