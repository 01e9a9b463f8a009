package com.chatforyou.domain.port.out;

import java.time.Instant;

/** The clock, as a port so tests can move time. */
@FunctionalInterface
public interface TimeSource {

    Instant now();
}
