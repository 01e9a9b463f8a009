package com.chatforyou.domain.model;

/**
 * Offer/answer state of one link, kept so the server can settle glare and refuse answers that
 * answer nothing. Mirrors perfect negotiation: the impolite end's offer wins a collision.
 */
final class LinkNegotiation {
    private final MediaLink link;
    private LinkEnd pendingOfferFrom;
    private boolean negotiated;

    LinkNegotiation(MediaLink link) {
        this.link = link;
    }

    MediaLink link() {
        return link;
    }

    /** Whether {@code signal} is a new offer on a link whose first offer/answer exchange is done. */
    boolean isRenegotiation(MediaSignal signal) {
        return negotiated && signal instanceof SessionDescription description
                && description.type() == SessionDescription.Type.OFFER;
    }

    /** True when the signal should reach the other end; false when it lost a glare and is dropped. */
    boolean accept(LinkEnd from, MediaSignal signal) {
        if (!(signal instanceof SessionDescription description)) {
            return true;
        }
        if (description.type() == SessionDescription.Type.OFFER) {
            boolean collision = pendingOfferFrom != null && !pendingOfferFrom.equals(from);
            if (collision && link.isPolite(from)) {
                return false;
            }
            pendingOfferFrom = from;
            return true;
        }
        if (pendingOfferFrom == null || pendingOfferFrom.equals(from)) {
            throw new ChatException(ErrorCode.NEGOTIATION_OUT_OF_ORDER,
                    "Answer on link " + link.id() + " does not answer a pending offer from the other end");
        }
        pendingOfferFrom = null;
        negotiated = true;
        return true;
    }
}
