package com.chatforyou.domain.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Who hosts a room once its host has left. A co-host who is still there always takes over; when no
 * host of any rank is left, {@link #LONGEST_PRESENT} hands the room to whoever has been in it longest,
 * and {@link #NONE} leaves it without a host (nobody can moderate it until a host by right returns).
 */
public enum HostHandover {
    LONGEST_PRESENT,
    NONE;

    /** Whom the host role passes to among those still seated, in seating order; empty for nobody. */
    public Optional<Participant> successor(List<Participant> remaining) {
        Comparator<Participant> longestPresent = Comparator.comparing(Participant::joinedAt);
        Optional<Participant> coHost = remaining.stream().filter(p -> p.role() == Role.CO_HOST).min(longestPresent);
        if (coHost.isPresent() || this == NONE) {
            return coHost;
        }
        return remaining.stream().min(longestPresent);
    }
}
