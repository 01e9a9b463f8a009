package com.chatforyou.domain.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The room's raised hands as one queue: first raised, first in line. Raising again keeps one's place. */
final class RaisedHands {

    private final Map<ParticipantId, RaisedHand> queue = new LinkedHashMap<>();

    /** False when the hand was already up. */
    boolean raise(ParticipantId participant, Instant now) {
        return queue.putIfAbsent(participant, new RaisedHand(participant, now)) == null;
    }

    /** False when the hand was not up. */
    boolean lower(ParticipantId participant) {
        return queue.remove(participant) != null;
    }

    List<RaisedHand> inOrder() {
        return List.copyOf(queue.values());
    }
}
