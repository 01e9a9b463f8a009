package com.chatforyou.domain.service;

import com.chatforyou.domain.model.IceServerGrant;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.port.out.IceServerProvider;
import com.chatforyou.domain.port.out.TimeSource;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** ICE servers for seated participants, and when each participant's are due for renewal. */
final class IceServerGrants {

    private final IceServerProvider provider;
    private final TimeSource clock;
    /** Absent for a participant whose ICE servers never expire. */
    private final Map<ParticipantId, Instant> renewals = new ConcurrentHashMap<>();

    IceServerGrants(IceServerProvider provider, TimeSource clock) {
        this.provider = provider;
        this.clock = clock;
    }

    /** Asks the provider and remembers when to renew what it granted (see {@link IceServerGrant#renewalDue}). */
    IceServerGrant grant(ParticipantId participant) {
        Instant issuedAt = clock.now();
        IceServerGrant grant = provider.iceServersFor(participant);
        grant.renewalDue(issuedAt).ifPresentOrElse(due -> renewals.put(participant, due),
                () -> renewals.remove(participant));
        return grant;
    }

    boolean isDue(ParticipantId participant, Instant now) {
        Instant due = renewals.get(participant);
        return due != null && !now.isBefore(due);
    }

    /** The participant left: nothing of theirs is renewed any more. */
    void forget(ParticipantId participant) {
        renewals.remove(participant);
    }
}
