package com.chatforyou.domain.service;

import com.chatforyou.domain.model.ChatException;
import com.chatforyou.domain.model.LinkEnd;
import com.chatforyou.domain.model.LinkId;
import com.chatforyou.domain.model.LinkPlan;
import com.chatforyou.domain.model.MediaLink;
import com.chatforyou.domain.model.Participant;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.Room;
import com.chatforyou.domain.model.RoomEvent;
import com.chatforyou.domain.port.out.IdGenerator;
import com.chatforyou.domain.port.out.MediaPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Opens, closes and replaces a room's media links, at the media backend and at the participants' ends.
 * Used only while holding the room's lock, so the backend's calls for one room never overlap.
 */
final class RoomMedia {

    private static final System.Logger LOG = System.getLogger(RoomMedia.class.getName());

    private final MediaPort media;
    private final IdGenerator ids;
    private final RoomMessenger messenger;

    RoomMedia(MediaPort media, IdGenerator ids, RoomMessenger messenger) {
        this.media = media;
        this.ids = ids;
        this.messenger = messenger;
    }

    /** Opens the links the backend plans between the participant and {@code linkedTo}; announces nothing yet. */
    List<MediaLink> open(Room room, Participant participant, List<Participant> linkedTo) {
        List<LinkPlan> plans = media.planLinks(room.id(), participant, linkedTo);
        List<MediaLink> links = new ArrayList<>(plans.size());
        for (LinkPlan plan : plans) {
            links.add(new MediaLink(new LinkId(ids.newId()), room.id(), plan.publisher(), plan.offerer(),
                    plan.answerer()));
        }
        room.open(links);
        media.linksOpened(room.id(), links);
        return links;
    }

    /** Tells each participant end of the links what to set up. */
    void announce(Room room, List<MediaLink> links) {
        for (MediaLink link : links) {
            for (LinkEnd end : List.of(link.offerer(), link.answerer())) {
                if (end instanceof LinkEnd.OfParticipant recipient) {
                    Optional<ParticipantId> peer = link.opposite(end) instanceof LinkEnd.OfParticipant other
                            ? Optional.of(other.id()) : Optional.empty();
                    messenger.tell(room, recipient.id(), new RoomEvent.LinkOpened(link.id(), link.publisher(), peer,
                            end.equals(link.offerer()), link.isPolite(end), end.is(link.publisher())));
                }
            }
        }
    }

    /** Tells the backend and every participant end (except {@code leaver}, who may be null) that links closed. */
    void close(Room room, List<MediaLink> closed, ParticipantId leaver) {
        if (closed.isEmpty()) {
            return;
        }
        media.linksClosed(room.id(), closed);
        for (MediaLink link : closed) {
            for (LinkEnd end : List.of(link.offerer(), link.answerer())) {
                if (end instanceof LinkEnd.OfParticipant remaining && !remaining.id().equals(leaver)) {
                    messenger.tell(room, remaining.id(), new RoomEvent.LinkClosed(link.id()));
                }
            }
        }
    }

    /** Releases every link of the room at the backend only: its participants are told otherwise. */
    void releaseAll(Room room) {
        List<MediaLink> links = room.closeAllLinks();
        if (!links.isEmpty()) {
            media.linksClosed(room.id(), links);
        }
    }

    /**
     * Opens new links for a participant whose links were just closed, as when their page lost its peer
     * connections or the media server cannot take a second offer. If the backend cannot plan them now,
     * the participant stays without media rather than the request failing.
     */
    void openAnew(Room room, Participant participant, String why) {
        try {
            announce(room, open(room, participant, othersThan(room, participant)));
        } catch (ChatException e) {
            LOG.log(System.Logger.Level.WARNING, "Media of {0} not re-established on {1}: {2}",
                    participant.id(), why, e.getMessage());
        }
    }

    /**
     * Closes every link of the room and plans all of them afresh, participant by participant, as after
     * the media server lost the room's media (or the room moved to another media server). Everyone is
     * told that video is interrupted, then that it is back once the links are planned. If the backend
     * is still down, the room stays without media and its participants hear again only once a later
     * reset succeeds.
     */
    void reestablish(Room room) {
        if (!room.isMediaServerAway()) {
            room.mediaServerLost();
            messenger.tellEveryoneIn(room, new RoomEvent.MediaServerStatus(room.id(), false));
        }
        close(room, room.closeAllLinks(), null);
        List<Participant> linked = new ArrayList<>();
        try {
            for (Participant participant : room.participants()) {
                announce(room, open(room, participant, linked));
                linked.add(participant);
            }
            if (room.mediaServerBack()) {
                messenger.tellEveryoneIn(room, new RoomEvent.MediaServerStatus(room.id(), true));
            }
        } catch (ChatException e) {
            // Rather than retrying in a loop: the backend resets the room again once a server can take it.
            LOG.log(System.Logger.Level.WARNING, "Media of room {0} not re-established: {1}", room.id(),
                    e.getMessage());
            close(room, room.closeAllLinks(), null);
        }
    }

    static List<Participant> othersThan(Room room, Participant participant) {
        return room.participants().stream().filter(other -> !other.id().equals(participant.id())).toList();
    }
}
