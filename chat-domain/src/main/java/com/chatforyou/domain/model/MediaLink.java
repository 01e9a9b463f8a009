package com.chatforyou.domain.model;

import java.util.Optional;

/**
 * One negotiated media connection: publisher to viewer in a mesh, participant to media server in an
 * SFU. Each end runs one RTCPeerConnection for it.
 */
public record MediaLink(LinkId id, RoomId room, ParticipantId publisher, LinkEnd offerer, LinkEnd answerer) {

    public boolean involves(ParticipantId participant) {
        return offerer.is(participant) || answerer.is(participant);
    }

    public Optional<LinkEnd> endOf(ParticipantId participant) {
        if (offerer.is(participant)) {
            return Optional.of(offerer);
        }
        return answerer.is(participant) ? Optional.of(answerer) : Optional.empty();
    }

    public LinkEnd opposite(LinkEnd end) {
        return end.equals(offerer) ? answerer : offerer;
    }

    /** The polite end yields when both ends offer at once (perfect negotiation). */
    public boolean isPolite(LinkEnd end) {
        return end.equals(answerer);
    }

    public boolean hasMediaServerEnd() {
        return offerer instanceof LinkEnd.MediaServer || answerer instanceof LinkEnd.MediaServer;
    }
}
