package com.chatforyou.domain.service;

import com.chatforyou.domain.model.ChatException;
import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.IceServerGrant;
import com.chatforyou.domain.model.LinkEnd;
import com.chatforyou.domain.model.LinkId;
import com.chatforyou.domain.model.MediaLink;
import com.chatforyou.domain.model.MediaSignal;
import com.chatforyou.domain.model.MediaState;
import com.chatforyou.domain.model.Participant;
import com.chatforyou.domain.model.Room;
import com.chatforyou.domain.model.RoomEvent;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.port.in.NegotiateMediaUseCase;
import com.chatforyou.domain.port.in.UpdateMediaStateUseCase;
import com.chatforyou.domain.port.out.MediaPort;
import com.chatforyou.domain.port.out.MediaServerEvents;
import com.chatforyou.domain.port.out.RoomStorePort;
import com.chatforyou.domain.port.out.TimeSource;
import java.time.Instant;
import java.util.Optional;

/**
 * Media between seated participants: relaying offers, answers and candidates on the room's links (with
 * the media server's end through the {@link MediaPort}), what each participant sends, re-establishing a
 * room's media after the media server lost it, and renewing ICE servers before they expire. The
 * {@link Room} owns the link rules: who may signal on a link, glare, and closed links.
 */
public final class MediaNegotiationService implements NegotiateMediaUseCase, UpdateMediaStateUseCase,
        MediaServerEvents {

    private static final System.Logger LOG = System.getLogger(MediaNegotiationService.class.getName());

    private final RoomStorePort store;
    private final Seats seats;
    private final RoomMedia roomMedia;
    private final IceServerGrants iceServers;
    private final RoomMessenger messenger;
    private final MediaPort media;
    private final TimeSource clock;

    MediaNegotiationService(RoomStorePort store, Seats seats, RoomMedia roomMedia, IceServerGrants iceServers,
                            RoomMessenger messenger, MediaPort media, TimeSource clock) {
        this.store = store;
        this.seats = seats;
        this.roomMedia = roomMedia;
        this.iceServers = iceServers;
        this.messenger = messenger;
        this.media = media;
        this.clock = clock;
    }

    @Override
    public void negotiate(NegotiateMediaCommand command) {
        Seat seat = seats.of(command.connection())
                .orElseThrow(() -> new ChatException(ErrorCode.NOT_IN_ROOM, "Join a room before negotiating media"));
        if (!store.inRoom(seat.room(), room -> relay(room, seat, command.link(), command.signal()))) {
            throw Refusals.noSuchRoom();
        }
    }

    private void relay(Room room, Seat seat, LinkId linkId, MediaSignal signal) {
        LinkEnd from = LinkEnd.participant(seat.participant());
        boolean renegotiation = room.isRenegotiation(linkId, signal);
        Optional<MediaLink> accepted = room.acceptSignal(linkId, from, signal);
        if (accepted.isEmpty()) {
            LOG.log(System.Logger.Level.DEBUG, "Dropped the polite side's offer on {0} (glare)", linkId);
            return;
        }
        MediaLink link = accepted.get();
        LinkEnd to = link.opposite(from);
        if (renegotiation && to instanceof LinkEnd.MediaServer && !media.renegotiatesLinks()) {
            // The media server cannot take a second offer (new tracks, ICE restart): new links instead.
            Participant offerer = room.participant(seat.participant()).orElseThrow();
            roomMedia.close(room, room.closeLinksOf(offerer.id()), null);
            roomMedia.openAnew(room, offerer, "renegotiation");
            return;
        }
        if (to instanceof LinkEnd.OfParticipant receiver) {
            messenger.tell(room, receiver.id(), new RoomEvent.SignalReceived(link.id(), signal));
        } else {
            media.signalToMediaServer(link, seat.participant(), signal);
        }
    }

    @Override
    public void signalFromMediaServer(RoomId roomId, LinkId linkId, MediaSignal signal) {
        boolean found = store.inRoom(roomId, room -> {
            try {
                LinkEnd server = LinkEnd.mediaServer();
                room.acceptSignal(linkId, server, signal).ifPresent(link -> {
                    if (link.opposite(server) instanceof LinkEnd.OfParticipant receiver) {
                        messenger.tell(room, receiver.id(), new RoomEvent.SignalReceived(link.id(), signal));
                    }
                });
            } catch (ChatException e) {
                LOG.log(System.Logger.Level.DEBUG, "Media server signal on {0} dropped: {1}", linkId, e.getMessage());
            }
        });
        if (!found) {
            LOG.log(System.Logger.Level.DEBUG, "Media server signal for closed room {0} dropped", roomId);
        }
    }

    @Override
    public void mediaReset(RoomId roomId) {
        store.inRoom(roomId, roomMedia::reestablish);
    }

    @Override
    public void updateMediaState(ConnectionId connection, MediaState state) {
        Seat seat = seats.of(connection)
                .orElseThrow(() -> new ChatException(ErrorCode.NOT_IN_ROOM, "You are not in a room"));
        boolean found = store.inRoom(seat.room(), room -> {
            Participant updated = room.updateMediaState(seat.participant(), state);
            messenger.tellEveryoneIn(room, RoomEvent.MediaStateChanged.of(room.id(), updated));
        });
        if (!found) {
            throw Refusals.noSuchRoom();
        }
    }

    /**
     * Sends fresh ICE servers to every participant whose current ones are due for renewal (see
     * {@link IceServerGrant#renewalDue}). Run periodically; participants whose servers never expire
     * are never asked. A provider failure for one participant is retried on the next run.
     */
    public void renewExpiringIceServers() {
        Instant now = clock.now();
        store.forEachRoom(room -> {
            for (Participant participant : room.participants()) {
                if (!iceServers.isDue(participant.id(), now)) {
                    continue;
                }
                try {
                    IceServerGrant grant = iceServers.grant(participant.id());
                    messenger.tell(participant.connection(), new RoomEvent.IceServersRefreshed(grant.servers()));
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING,
                            () -> "ICE servers for " + participant.id() + " not renewed; retrying later", e);
                }
            }
        });
    }
}
