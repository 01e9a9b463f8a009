package com.chatforyou.domain.model;

import java.time.Instant;

/** A raised hand, in the queue by the time it went up. */
public record RaisedHand(ParticipantId participant, Instant raisedAt) {
}
