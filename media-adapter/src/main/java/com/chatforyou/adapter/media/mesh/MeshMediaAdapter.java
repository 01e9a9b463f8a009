package com.chatforyou.adapter.media.mesh;

import com.chatforyou.domain.model.CapacityLimits;
import com.chatforyou.domain.model.LinkEnd;
import com.chatforyou.domain.model.LinkPlan;
import com.chatforyou.domain.model.MediaLink;
import com.chatforyou.domain.model.MediaSignal;
import com.chatforyou.domain.model.Participant;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.port.out.MediaPort;
import com.chatforyou.domain.port.out.MediaServerEvents;
import java.util.ArrayList;
import java.util.List;

/**
 * Peer-to-peer mesh: every publisher sends straight to every viewer, so no media server exists and
 * the server only relays signaling. Each browser uploads one copy per viewer, which is why rooms
 * stay small.
 */
public class MeshMediaAdapter implements MediaPort {

    /** Six uploads of 640x480 already strain a home uplink; eight is the most we let a room try. */
    public static final CapacityLimits LIMITS = new CapacityLimits(6, 8);

    @Override
    public String backendName() {
        return "mesh";
    }

    /** Browsers answer each other, and browsers renegotiate. */
    @Override
    public boolean renegotiatesLinks() {
        return true;
    }

    @Override
    public CapacityLimits capacityLimits() {
        return LIMITS;
    }

    @Override
    public void attach(MediaServerEvents events) {
        // Nothing to report back: every link ends at a browser.
    }

    @Override
    public List<LinkPlan> planLinks(RoomId room, Participant newcomer, List<Participant> present) {
        List<LinkPlan> plans = new ArrayList<>();
        for (Participant other : present) {
            if (newcomer.sends().publishes()) {
                plans.add(publisherToViewer(newcomer.id(), other.id()));
            }
            if (other.sends().publishes()) {
                plans.add(publisherToViewer(other.id(), newcomer.id()));
            }
        }
        return plans;
    }

    @Override
    public void linksOpened(RoomId room, List<MediaLink> links) {
        // Browsers negotiate these links between themselves.
    }

    @Override
    public void signalToMediaServer(MediaLink link, ParticipantId from, MediaSignal signal) {
        throw new IllegalStateException("mesh links have no media server end: " + link.id());
    }

    @Override
    public void linksClosed(RoomId room, List<MediaLink> links) {
        // Nothing is held for a mesh link.
    }

    @Override
    public void roomClosed(RoomId room) {
        // Nothing is held for a mesh room.
    }

    /** The publisher holds the tracks, so it offers; the viewer is the polite end. */
    private static LinkPlan publisherToViewer(ParticipantId publisher, ParticipantId viewer) {
        return new LinkPlan(publisher, LinkEnd.participant(publisher), LinkEnd.participant(viewer));
    }
}
