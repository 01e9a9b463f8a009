package com.chatforyou.domain.model;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A room: its seats, chat history and open media links, and the rules on them: the room's capacity, one
 * display name per seat, its password policy, and who may signal on which link. Not thread-safe: the
 * room store's lock serialises access per room.
 */
public final class Room {
    public static final int CHAT_HISTORY_SIZE = 100;
    /** Enough to recognise late candidates for links closed in the last few joins and leaves. */
    private static final int CLOSED_LINKS_REMEMBERED = 512;

    private final RoomId id;
    private final RoomName name;
    private final RoomPolicy policy;
    private final Instant createdAt;
    private final Map<ParticipantId, Participant> participants = new LinkedHashMap<>();
    private final ArrayDeque<ChatMessage> chatHistory = new ArrayDeque<>();
    private final Map<LinkId, LinkNegotiation> links = new LinkedHashMap<>();
    private final LinkedHashSet<LinkId> closedLinks = new LinkedHashSet<>();
    private boolean closed;
    private boolean mediaServerAway;

    public Room(RoomId id, RoomName name, RoomPolicy policy, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.policy = policy;
        this.createdAt = createdAt;
    }

    public RoomId id() {
        return id;
    }

    public RoomName name() {
        return name;
    }

    public RoomPolicy policy() {
        return policy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean isClosed() {
        return closed;
    }

    public boolean isEmpty() {
        return participants.isEmpty();
    }

    public void close() {
        closed = true;
    }

    /** The room's media is lost until its links are planned again; its participants were told. */
    public void mediaServerLost() {
        mediaServerAway = true;
    }

    public boolean isMediaServerAway() {
        return mediaServerAway;
    }

    /** The room's media is established again; true when it had been lost, so the participants are told. */
    public boolean mediaServerBack() {
        boolean wasAway = mediaServerAway;
        mediaServerAway = false;
        return wasAway;
    }

    public RoomSummary summary() {
        return new RoomSummary(id, name, participants.size(), policy.capacity(), policy.locked());
    }

    public List<Participant> participants() {
        return List.copyOf(participants.values());
    }

    public Optional<Participant> participant(ParticipantId participantId) {
        return Optional.ofNullable(participants.get(participantId));
    }

    public List<ChatMessage> recentChat() {
        return List.copyOf(chatHistory);
    }

    /** Seats a participant whose password was already checked against {@link #policy()}. */
    public Participant seat(ParticipantId participantId, DisplayName displayName, MediaCapabilities capabilities,
                            ConnectionId connection, Instant now) {
        if (closed) {
            throw new ChatException(ErrorCode.ROOM_NOT_FOUND, "The room no longer exists");
        }
        policy.checkSeatFree(participants.size());
        for (Participant present : participants.values()) {
            if (present.displayName().sameAs(displayName)) {
                throw new ChatException(ErrorCode.NAME_TAKEN,
                        "Someone in this room is already called " + present.displayName().value());
            }
        }
        Participant participant = new Participant(participantId, displayName, capabilities, MediaState.UNMUTED,
                connection, now);
        participants.put(participantId, participant);
        return participant;
    }

    /** Removes a participant and closes every link they were an end of; returns those links. */
    public List<MediaLink> unseat(ParticipantId participantId) {
        participants.remove(participantId);
        return closeLinksOf(participantId);
    }

    /** Closes every link the participant is an end or the publisher of; returns those links. */
    public List<MediaLink> closeLinksOf(ParticipantId participantId) {
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

    /** Closes every link of the room, as when its media is re-established from scratch. */
    public List<MediaLink> closeAllLinks() {
        List<MediaLink> removed = links();
        links.clear();
        removed.forEach(link -> rememberClosed(link.id()));
        return removed;
    }

    /** Points the participant's seat at a new connection, as when they resume after a dropped one. */
    public Participant rebind(ParticipantId participantId, ConnectionId connection) {
        Participant rebound = requireParticipant(participantId).withConnection(connection);
        participants.put(participantId, rebound);
        return rebound;
    }

    public Participant updateMediaState(ParticipantId participantId, MediaState state) {
        Participant updated = requireParticipant(participantId).withMediaState(state);
        participants.put(participantId, updated);
        return updated;
    }

    public ChatMessage post(MessageId messageId, ParticipantId authorId, ChatText text, Instant now) {
        Participant author = requireParticipant(authorId);
        ChatMessage message = new ChatMessage(messageId, author.id(), author.displayName(), text, now);
        chatHistory.addLast(message);
        if (chatHistory.size() > CHAT_HISTORY_SIZE) {
            chatHistory.removeFirst();
        }
        return message;
    }

    public void open(Collection<MediaLink> newLinks) {
        for (MediaLink link : newLinks) {
            links.put(link.id(), new LinkNegotiation(link));
        }
    }

    public List<MediaLink> links() {
        return links.values().stream().map(LinkNegotiation::link).toList();
    }

    /**
     * Checks that {@code from} may signal on the link and returns the link when the signal should
     * reach the other end, or empty when it lost a glare and is dropped.
     */
    public Optional<MediaLink> acceptSignal(LinkId linkId, LinkEnd from, MediaSignal signal) {
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

    /** Whether {@code signal} would renegotiate a link that already completed its first exchange. */
    public boolean isRenegotiation(LinkId linkId, MediaSignal signal) {
        LinkNegotiation negotiation = links.get(linkId);
        return negotiation != null && negotiation.isRenegotiation(signal);
    }

    private Participant requireParticipant(ParticipantId participantId) {
        Participant participant = participants.get(participantId);
        if (participant == null) {
            throw new ChatException(ErrorCode.NOT_IN_ROOM, "You are not in this room");
        }
        return participant;
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
