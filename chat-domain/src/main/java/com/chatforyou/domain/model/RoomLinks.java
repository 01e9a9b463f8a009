package com.chatforyou.domain.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A room's open media links and the rules on signalling over them: only a link's ends signal on it,
 * glare, answers only to pending offers, and late signals on links that closed.
 */
final class RoomLinks {
    /** Enough to recognise late candidates for links closed in the last few joins and leaves. */
    private static final int CLOSED_LINKS_REMEMBERED = 512;

    private final Map<LinkId, LinkNegotiation> links = new LinkedHashMap<>();
    private final LinkedHashSet<LinkId> closedLinks = new LinkedHashSet<>();

    void open(Collection<MediaLink> newLinks) {
        for (MediaLink link : newLinks) {
            links.put(link.id(), new LinkNegotiation(link));
        }
    }

    List<MediaLink> all() {
        return links.values().stream().map(LinkNegotiation::link).toList();
    }

    List<MediaLink> closeLinksOf(ParticipantId participantId) {
        List<MediaLink> removed = new ArrayList<>();
        Iterator<LinkNegotiation> it = links.values().iterator();
        while (it.hasNext()) {
            MediaLink link = it.next().link();
            if (link.involves(participantId) || link.publisher().equals(participantId)) {
                it.remove();
                rememberClosed(link.id());
                removed.add(link);
            }
        }
        return removed;
    }

    List<MediaLink> closeAll() {
        List<MediaLink> removed = all();
        links.clear();
        removed.forEach(link -> rememberClosed(link.id()));
        return removed;
    }

    Optional<MediaLink> acceptSignal(LinkId linkId, LinkEnd from, MediaSignal signal) {
        LinkNegotiation negotiation = links.get(linkId);
        if (negotiation == null) {
            if (closedLinks.contains(linkId)) {
                throw new ChatException(ErrorCode.LINK_CLOSED, "Link " + linkId + " has already closed");
            }
            throw new ChatException(ErrorCode.UNKNOWN_LINK, "No link " + linkId + " in this room");
        }
        MediaLink link = negotiation.link();
        if (!link.offerer().equals(from) && !link.answerer().equals(from)) {
            throw new ChatException(ErrorCode.LINK_NOT_OWNED, "Link " + linkId + " is not yours");
        }
        return negotiation.accept(from, signal) ? Optional.of(link) : Optional.empty();
    }

    boolean isRenegotiation(LinkId linkId, MediaSignal signal) {
        LinkNegotiation negotiation = links.get(linkId);
        return negotiation != null && negotiation.isRenegotiation(signal);
    }

    private void rememberClosed(LinkId linkId) {
        closedLinks.add(linkId);
        if (closedLinks.size() > CLOSED_LINKS_REMEMBERED) {
            Iterator<LinkId> oldest = closedLinks.iterator();
            oldest.next();
            oldest.remove();
        }
    }
}
