package com.chatforyou.domain.model;

import java.time.Instant;

/** A newcomer waiting to be admitted, in the order they knocked. */
public record Knock(KnockId id, Newcomer newcomer, Instant knockedAt) {
}
