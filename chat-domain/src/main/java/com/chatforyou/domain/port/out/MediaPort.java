package com.chatforyou.domain.port.out;

import com.chatforyou.domain.model.CapacityLimits;
import com.chatforyou.domain.model.LinkPlan;
import com.chatforyou.domain.model.MediaLink;
import com.chatforyou.domain.model.MediaSignal;
import com.chatforyou.domain.model.Participant;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.RoomId;
import java.util.List;

/**
 * A media backend. It decides the topology (which links connect whom) and runs the media server's
 * end of links that have one. The domain owns the links, routes signals between participant ends,
 * and calls this port from within one room's lock, so calls for one room never overlap.
 */
public interface MediaPort {

    /** A short name for logs and health, such as "mesh" or "kurento". */
    String backendName();

    CapacityLimits capacityLimits();

    /**
     * Whether the media server's end of a link accepts a new offer once the first exchange is done
     * (a renegotiation or an ICE restart). When it does not, as with Kurento's WebRtcEndpoint, the
     * domain replaces the offering participant's links instead of forwarding the offer.
     */
    boolean renegotiatesLinks();

    /** Receives what the media server says on its ends of links. Called once, before any room exists. */
    void attach(MediaServerEvents events);

    /**
     * The links that connect a newcomer (plan by {@link Participant#sends()}) to the room's {@code present} participants.
     *
     * @throws com.chatforyou.domain.model.ChatException with MEDIA_UNAVAILABLE when the backend cannot
     *         serve the room right now; the newcomer is then not seated.
     */
    List<LinkPlan> planLinks(RoomId room, Participant newcomer, List<Participant> present);

    /**
     * The links from {@link #planLinks} now exist under ids; a backend may prepare its ends. If this
     * throws, the join is undone and the backend must already have released what it created here.
     */
    void linksOpened(RoomId room, List<MediaLink> links);

    /** A participant signalled on a link whose other end is the media server. */
    void signalToMediaServer(MediaLink link, ParticipantId from, MediaSignal signal);

    /** These links closed (their participant left); release whatever backs them. */
    void linksClosed(RoomId room, List<MediaLink> links);

    /** The room emptied and is gone; release everything left for it. */
    void roomClosed(RoomId room);
}
