package com.chatforyou.domain.model;

import java.util.Objects;

/**
 * A link a media backend wants opened: whose media it carries and which end makes the first offer.
 * The offerer is the impolite side when both ends offer at once.
 */
public record LinkPlan(ParticipantId publisher, LinkEnd offerer, LinkEnd answerer) {
    public LinkPlan {
        Objects.requireNonNull(publisher);
        Objects.requireNonNull(offerer);
        Objects.requireNonNull(answerer);
        if (offerer.equals(answerer)) {
            throw new IllegalArgumentException("a link needs two different ends");
        }
        if (!offerer.is(publisher) && !answerer.is(publisher)
                && !(offerer instanceof LinkEnd.MediaServer || answerer instanceof LinkEnd.MediaServer)) {
            throw new IllegalArgumentException("a link between two participants must involve its publisher");
        }
    }
}
