package com.chatforyou.domain.model;

import com.chatforyou.domain.port.out.NameSkeletonPort;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A room: its seats, chat history and open media links, and the rules on them: the room's capacity, one
 * display name per seat (under the confusable skeleton), its password policy, and who may signal on which
 * link; and what its hosts control (see {@link HostRules}): roles and their handover, the lock, the
 * waiting room, removal bans, microphones, raised hands and reactions. Not thread-safe: the room
 * store's lock serialises access per room.
 */
public final class Room {
    public static final int CHAT_HISTORY_SIZE = 100;

    private final RoomId id;
    private final RoomName name;
    /** Read before the lock for the slow password check, so replaced whole and volatile. */
    private volatile RoomPolicy policy;
    private final Instant createdAt;
    private final RoomSlug slug;
    private final boolean privateLink;
    private final Creator creator;
    private final HostHandover handover;
    private final NameSkeletonPort skeletons;
    /** Read without the room's lock by the per-address quota of unjoined rooms. */
    private volatile boolean everJoined;
    private final Map<ParticipantId, Participant> participants = new LinkedHashMap<>();
    private final Map<ParticipantId, ClientToken> clientTokens = new HashMap<>();
    private final ArrayDeque<ChatMessage> chatHistory = new ArrayDeque<>();
    private final RoomLinks links = new RoomLinks();
    private final WaitingRoom waitingRoom;
    private final RemovalBans bans;
    private final RaisedHands hands = new RaisedHands();
    private final ReactionAllowance reactions = new ReactionAllowance();
    private boolean locked;
    private boolean hostsControlMicrophones;
    private boolean closed;
    private boolean mediaServerAway;

    /** A room nobody is recognised as the creator of, handed to the longest-present when its host leaves. */
    public Room(RoomId id, RoomName name, RoomPolicy policy, Instant createdAt) {
        this(id, name, policy, createdAt, Creator.UNKNOWN, HostHandover.LONGEST_PRESENT, slugOf(id), false,
                NameSkeletonPort.CASE_INSENSITIVE);
    }

    /**
     * @param slug        the room's invite link, the same for its whole life
     * @param privateLink the link is unguessable and the room is not listed in the lobby
     * @param skeletons   when two display names are the same name: in the seats, the waiting room and the bans
     */
    public Room(RoomId id, RoomName name, RoomPolicy policy, Instant createdAt, Creator creator,
                HostHandover handover, RoomSlug slug, boolean privateLink, NameSkeletonPort skeletons) {
        this.id = id;
        this.name = name;
        this.policy = policy;
        this.createdAt = createdAt;
        this.creator = creator;
        this.handover = handover;
        this.slug = slug;
        this.privateLink = privateLink;
        this.skeletons = skeletons;
        this.waitingRoom = new WaitingRoom(skeletons);
        this.bans = new RemovalBans(skeletons);
    }

    /** An invite link made from the id, for rooms whose link does not matter (tests, stores). */
    private static RoomSlug slugOf(RoomId id) {
        String slug = id.value().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        return new RoomSlug(slug.isEmpty() ? "room" : slug.length() > RoomSlug.MAX_LENGTH ? slug.substring(0, RoomSlug.MAX_LENGTH) : slug);
    }

    public RoomSlug slug() {
        return slug;
    }

    /** The rule "a room with an unguessable link is reached by its link only": it is not listed. */
    public boolean isListed() {
        return !privateLink;
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

    public Creator creator() {
        return creator;
    }

    /** Nobody has taken a seat here since the room was created. */
    public boolean neverJoined() {
        return !everJoined;
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
        return new RoomSummary(id, name, participants.size(), policy.capacity(), policy.passwordRequired(), locked,
                waitingRoom.enabled(), slug, privateLink);
    }

    public RoomControls controls() {
        return new RoomControls(locked, policy.passwordRequired(), waitingRoom.enabled(), hostsControlMicrophones);
    }

    public List<Participant> participants() {
        return List.copyOf(participants.values());
    }

    public Optional<Participant> participant(ParticipantId participantId) {
        return Optional.ofNullable(participants.get(participantId));
    }

    public List<Participant> hosts() {
        return participants.values().stream().filter(p -> p.role().isHost()).toList();
    }

    public List<ChatMessage> recentChat() {
        return List.copyOf(chatHistory);
    }

    // ---- coming in ----

    /**
     * Applies the entry rules to a newcomer whose password was checked against {@code checkedPolicy}, in
     * this order: removal bans; the creator comes in as a host; the lock; capacity; one name per room
     * (counting those waiting); the waiting room, which needs a host to admit anyone; and the first to
     * sit down in a room hosts it.
     */
    public Entry entryFor(Newcomer newcomer, Optional<String> signedInUser, RoomPolicy checkedPolicy, Instant now) {
        if (closed) {
            throw new ChatException(ErrorCode.ROOM_NOT_FOUND, "The room no longer exists");
        }
        if (policy != checkedPolicy && policy.passwordRequired()) {
            throw new ChatException(ErrorCode.WRONG_PASSWORD, "The room's password just changed; ask a host for it");
        }
        bans.refuseBanned(newcomer, now);
        if (creator.recognises(newcomer.connection(), signedInUser)) {
            return new Entry.Seat(Role.HOST);
        }
        if (locked) {
            throw new ChatException(ErrorCode.ROOM_LOCKED, "A host locked this room; nobody new can come in");
        }
        policy.checkSeatFree(participants.size());
        refuseTakenName(newcomer.displayName());
        if (waitingRoom.enabled()) {
            return hosts().isEmpty() ? new Entry.Denied(DenialReason.NO_HOST) : new Entry.Knock();
        }
        return new Entry.Seat(participants.isEmpty() ? Role.HOST : Role.PARTICIPANT);
    }

    /**
     * Seats a newcomer the entry rules let in (see {@link #entryFor}); capacity and names are checked
     * again. One seated as the host shares the role until {@link #makeSoleHost}.
     */
    public Participant seat(ParticipantId participantId, Newcomer newcomer, Role role, Instant now) {
        if (closed) {
            throw new ChatException(ErrorCode.ROOM_NOT_FOUND, "The room no longer exists");
        }
        policy.checkSeatFree(participants.size());
        refuseTakenName(newcomer.displayName());
        boolean micLocked = hostsControlMicrophones && !role.isHost();
        MediaState state = micLocked ? new MediaState(true, false) : MediaState.UNMUTED;
        Participant participant = new Participant(participantId, newcomer.displayName(), newcomer.capabilities(),
                state, newcomer.connection(), now, role, micLocked);
        participants.put(participantId, participant);
        newcomer.clientToken().ifPresent(token -> clientTokens.put(participantId, token));
        everJoined = true;
        return participant;
    }

    /** A host seated by right (the creator, back) makes whoever hosted until then a co-host. */
    public List<RoleChange> makeSoleHost(ParticipantId hostId) {
        List<RoleChange> changes = new ArrayList<>();
        for (Participant other : participants()) {
            if (other.role() == Role.HOST && !other.id().equals(hostId)) {
                changes.add(new RoleChange(replace(other.withRole(Role.CO_HOST)), Optional.of(hostId)));
            }
        }
        return changes;
    }

    private void refuseTakenName(DisplayName displayName) {
        for (Participant present : participants.values()) {
            if (present.displayName().sameAs(displayName, skeletons)) {
                throw nameTaken(present.displayName());
            }
        }
        if (waitingRoom.isNameWaiting(displayName)) {
            throw nameTaken(displayName);
        }
    }

    private static ChatException nameTaken(DisplayName name) {
        return new ChatException(ErrorCode.NAME_TAKEN, "Someone in this room is already called " + name.value());
    }

    public void knock(Knock knock) {
        waitingRoom.add(knock);
    }

    public List<Knock> waiting() {
        return waitingRoom.waitingNow();
    }

    /** The knock of a newcomer who gave up waiting (left or lost their connection). */
    public Optional<Knock> withdrawKnock(ConnectionId connection) {
        return waitingRoom.byConnection(connection).flatMap(knock -> waitingRoom.take(knock.id()));
    }

    /** A host takes a knock out of the waiting room, to admit or deny it. */
    public Knock answerKnock(ParticipantId actorId, KnockId knockId) {
        HostRules.onlyHostsModerate(requireParticipant(actorId));
        return waitingRoom.take(knockId)
                .orElseThrow(() -> new ChatException(ErrorCode.UNKNOWN_KNOCK, "Nobody with that knock is waiting"));
    }

    /** Puts a knock a host could not admit back in the waiting room, in its place by time. */
    public void keepWaiting(Knock knock) {
        List<Knock> all = new ArrayList<>(waitingRoom.clear());
        all.add(knock);
        all.sort((a, b) -> a.knockedAt().compareTo(b.knockedAt()));
        all.forEach(waitingRoom::add);
    }

    /** Everyone waiting leaves the waiting room, as when the room closes or loses its last host. */
    public List<Knock> clearWaiting() {
        return waitingRoom.clear();
    }

    // ---- leaving ----

    /**
     * Removes a participant: closes every link they were an end of, lowers their hand and, when they were
     * the host, hands the room over (see {@link HostHandover}).
     */
    public Departure unseat(ParticipantId participantId) {
        Participant leaver = participants.remove(participantId);
        clientTokens.remove(participantId);
        reactions.forget(participantId);
        boolean handLowered = hands.lower(participantId);
        List<MediaLink> closedLinks = closeLinksOf(participantId);
        List<RoleChange> changes = new ArrayList<>();
        boolean hostRemains = participants.values().stream().anyMatch(p -> p.role() == Role.HOST);
        if (leaver != null && leaver.role() == Role.HOST && !hostRemains) {
            handover.successor(participants()).ifPresent(successor ->
                    changes.add(new RoleChange(replace(successor.withRole(Role.HOST)), Optional.empty())));
        }
        return new Departure(closedLinks, handLowered, changes);
    }

    // ---- roles ----

    /** The seated participant a host names; {@code unknown-participant} for anyone not in this room. */
    public Participant target(ParticipantId participantId) {
        Participant target = participantId == null ? null : participants.get(participantId);
        if (target == null) {
            throw new ChatException(ErrorCode.UNKNOWN_PARTICIPANT, "Nobody with that id is in this room");
        }
        return target;
    }

    /** The host gives a role: co-host, participant, or host (then the host becomes a co-host). */
    public List<RoleChange> assignRole(ParticipantId actorId, ParticipantId targetId, Role role) {
        Participant actor = requireParticipant(actorId);
        Participant target = target(targetId);
        HostRules.onlyTheHostAssignsRoles(actor, target);
        if (target.role() == role) {
            return List.of();
        }
        Optional<ParticipantId> by = Optional.of(actorId);
        List<RoleChange> changes = new ArrayList<>();
        Participant changed = target.withRole(role);
        if (role == Role.PARTICIPANT && hostsControlMicrophones && target.mediaState().audioMuted()) {
            changed = changed.withUnmuteLocked(true);
        }
        changes.add(new RoleChange(replace(changed), by));
        if (role == Role.HOST) {
            changes.add(new RoleChange(replace(actor.withRole(Role.CO_HOST)), by));
        }
        return changes;
    }

    // ---- microphones, cameras, screens ----

    /** A host mutes someone they outrank; while hosts control microphones, the muted cannot unmute themselves. */
    public Participant muteBy(ParticipantId actorId, ParticipantId targetId) {
        Participant target = target(targetId);
        HostRules.hostsActOnThoseTheyOutrank(requireParticipant(actorId), target);
        MediaState state = target.mediaState();
        return replace(target.withMediaState(new MediaState(true, state.videoMuted(), state.sharing()))
                .withUnmuteLocked(hostsControlMicrophones));
    }

    /** A host asks someone to unmute; they decide, and may now unmute even while hosts control microphones. */
    public Participant askToUnmuteBy(ParticipantId actorId, ParticipantId targetId) {
        Participant target = target(targetId);
        HostRules.onlyHostsModerate(requireParticipant(actorId));
        return replace(target.withUnmuteLocked(false));
    }

    /** A host stops the camera or the screen share of someone they outrank. */
    public Participant stopMediaBy(ParticipantId actorId, ParticipantId targetId, StoppedMedia kind) {
        Participant target = target(targetId);
        HostRules.hostsActOnThoseTheyOutrank(requireParticipant(actorId), target);
        MediaState state = target.mediaState();
        MediaState stopped = kind == StoppedMedia.CAMERA
                ? new MediaState(state.audioMuted(), true, state.sharing())
                : new MediaState(state.audioMuted(), state.videoMuted(), false);
        return replace(target.withMediaState(stopped));
    }

    /**
     * The room mode "hosts control microphones". Turned on, everyone who is not a host is muted and
     * may unmute only when a host asks them to; turned off, everyone may unmute again. Returns those
     * whose microphone or right to unmute changed.
     */
    public List<Participant> controlMicrophones(ParticipantId actorId, boolean on) {
        HostRules.onlyHostsModerate(requireParticipant(actorId));
        hostsControlMicrophones = on;
        List<Participant> changed = new ArrayList<>();
        for (Participant participant : participants()) {
            if (participant.role().isHost()) {
                continue;
            }
            Participant next = on
                    ? participant.withMediaState(new MediaState(true, participant.mediaState().videoMuted(),
                            participant.mediaState().sharing())).withUnmuteLocked(true)
                    : participant.withUnmuteLocked(false);
            if (!next.equals(participant)) {
                changed.add(replace(next));
            }
        }
        return changed;
    }

    /** The participant's own toggles; unmuting is refused while their microphone is the hosts'. */
    public Participant updateMediaState(ParticipantId participantId, MediaState state) {
        Participant participant = requireParticipant(participantId);
        if (participant.unmuteLocked() && !state.audioMuted()) {
            throw new ChatException(ErrorCode.UNMUTE_NOT_ALLOWED,
                    "The hosts control microphones here; wait until a host asks you to unmute");
        }
        return replace(participant.withMediaState(state));
    }

    // ---- removing, locking, ending ----

    /** A host removes someone they outrank, who may not come back until {@code bannedUntil}; the caller unseats them. */
    public Participant removeBy(ParticipantId actorId, ParticipantId targetId, Instant bannedUntil) {
        Participant target = target(targetId);
        HostRules.hostsActOnThoseTheyOutrank(requireParticipant(actorId), target);
        bans.ban(target, Optional.ofNullable(clientTokens.get(targetId)), bannedUntil);
        return target;
    }

    public void lockBy(ParticipantId actorId, boolean lock) {
        HostRules.onlyHostsModerate(requireParticipant(actorId));
        locked = lock;
    }

    /** A host sets (or, with empty, clears) the password newcomers must give. */
    public void setPasswordBy(ParticipantId actorId, Optional<PasswordHash> password) {
        HostRules.onlyHostsModerate(requireParticipant(actorId));
        policy = policy.withPassword(password);
    }

    /** A host turns the waiting room on or off; turned off, whoever was waiting is returned to be let in. */
    public List<Knock> setWaitingRoomBy(ParticipantId actorId, boolean on) {
        HostRules.onlyHostsModerate(requireParticipant(actorId));
        return waitingRoom.setEnabled(on);
    }

    /** The caller, who must be a host (as to end the meeting for everyone or change the password). */
    public Participant actingHost(ParticipantId actorId) {
        Participant actor = requireParticipant(actorId);
        HostRules.onlyHostsModerate(actor);
        return actor;
    }

    // ---- hands and reactions ----

    /** False when the hand was already up: raising again keeps one's place in the queue. */
    public boolean raiseHand(ParticipantId participantId, Instant now) {
        requireParticipant(participantId);
        return hands.raise(participantId, now);
    }

    /** Anyone lowers their own hand; a host lowers anyone's. False when it was not up. */
    public boolean lowerHand(ParticipantId actorId, ParticipantId targetId) {
        Participant actor = requireParticipant(actorId);
        if (!actorId.equals(targetId)) {
            target(targetId);
            HostRules.onlyHostsModerate(actor);
        }
        return hands.lower(targetId);
    }

    public List<RaisedHand> raisedHands() {
        return hands.inOrder();
    }

    /** Checks a reaction against the sender's allowance (see {@link ReactionAllowance}). */
    public void react(ParticipantId participantId, Instant now) {
        requireParticipant(participantId);
        reactions.take(participantId, now);
    }

    // ---- chat ----

    public ChatMessage post(MessageId messageId, ParticipantId authorId, ChatText text, Instant now) {
        Participant author = requireParticipant(authorId);
        ChatMessage message = new ChatMessage(messageId, author.id(), author.displayName(), text, now);
        chatHistory.addLast(message);
        if (chatHistory.size() > CHAT_HISTORY_SIZE) {
            chatHistory.removeFirst();
        }
        return message;
    }

    // ---- seats ----

    /** Points the participant's seat at a new connection, as when they resume after a dropped one. */
    public Participant rebind(ParticipantId participantId, ConnectionId connection) {
        return replace(requireParticipant(participantId).withConnection(connection));
    }

    // ---- media links (see RoomLinks) ----

    /** Closes every link the participant is an end or the publisher of; returns those links. */
    public List<MediaLink> closeLinksOf(ParticipantId participantId) {
        return links.closeLinksOf(participantId);
    }

    /** Closes every link of the room, as when its media is re-established from scratch. */
    public List<MediaLink> closeAllLinks() {
        return links.closeAll();
    }

    public void open(Collection<MediaLink> newLinks) {
        links.open(newLinks);
    }

    public List<MediaLink> links() {
        return links.all();
    }

    /**
     * Checks that {@code from} may signal on the link and returns the link when the signal should
     * reach the other end, or empty when it lost a glare and is dropped.
     */
    public Optional<MediaLink> acceptSignal(LinkId linkId, LinkEnd from, MediaSignal signal) {
        return links.acceptSignal(linkId, from, signal);
    }

    /** Whether {@code signal} would renegotiate a link that already completed its first exchange. */
    public boolean isRenegotiation(LinkId linkId, MediaSignal signal) {
        return links.isRenegotiation(linkId, signal);
    }

    private Participant replace(Participant participant) {
        participants.put(participant.id(), participant);
        return participant;
    }

    private Participant requireParticipant(ParticipantId participantId) {
        Participant participant = participants.get(participantId);
        if (participant == null) {
            throw new ChatException(ErrorCode.NOT_IN_ROOM, "You are not in this room");
        }
        return participant;
    }
}
