package com.chatforyou.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.domain.fixtures.FakeMediaPort;
import com.chatforyou.domain.fixtures.FixedIceServers;
import com.chatforyou.domain.fixtures.RecordingNotifier;
import com.chatforyou.domain.fixtures.SequentialIds;
import com.chatforyou.domain.fixtures.SettableClock;
import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.IceCandidate;
import com.chatforyou.domain.model.KnockId;
import com.chatforyou.domain.model.Participant;
import com.chatforyou.domain.model.LinkId;
import com.chatforyou.domain.model.MediaCapabilities;
import com.chatforyou.domain.model.MediaLink;
import com.chatforyou.domain.model.MediaSignal;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.RoomEvent;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.model.RoomSummary;
import com.chatforyou.domain.model.SessionDescription;
import com.chatforyou.domain.port.in.CreateRoomUseCase.CreateRoomCommand;
import com.chatforyou.domain.port.in.JoinRoomUseCase.JoinRoomCommand;
import com.chatforyou.domain.port.in.NegotiateMediaUseCase.NegotiateMediaCommand;
import com.chatforyou.domain.port.in.PostChatMessageUseCase.PostChatMessageCommand;
import com.chatforyou.domain.port.out.SignedInUserPort;
import com.chatforyou.domain.store.InMemoryRoomStore;
import java.util.List;
import java.util.Optional;

/** The room services wired to hand-written fakes, plus a vocabulary for arranging rooms. */
final class RoomServiceFixture {

    /** A participant seated by the fixture: where they sit, who they are, and how to reach them. */
    record Seated(RoomId room, ParticipantId id, ConnectionId connection, String name) {
    }

    /** A newcomer waiting in a room's waiting room, and the knock hosts admit or deny. */
    record Knocker(RoomId room, ConnectionId connection, String name, KnockId knock) {
    }

    final SettableClock clock = new SettableClock();
    final SequentialIds ids = new SequentialIds();
    final RecordingNotifier notifier = new RecordingNotifier();
    final FixedIceServers iceServers = new FixedIceServers();
    final FakeMediaPort media;
    final InMemoryRoomStore store = new InMemoryRoomStore();
    final LobbyService lobby;
    final MembershipService membership;
    final ChatService chatting;
    final MediaNegotiationService negotiation;
    final RoomStatisticsService statistics;
    final ServerRestartService restart;
    final ParticipantModerationService moderation;
    final RoomAccessService access;
    final HostRolesService roles;
    final HandsService hands;
    final ReactionsService reactions;

    RoomServiceFixture() {
        this(FakeMediaPort.mesh(), RoomSettings.DEFAULTS);
    }

    RoomServiceFixture(FakeMediaPort media) {
        this(media, RoomSettings.DEFAULTS);
    }

    RoomServiceFixture(RoomSettings settings) {
        this(FakeMediaPort.mesh(), settings);
    }

    RoomServiceFixture(FakeMediaPort media, RoomSettings settings) {
        this(media, settings, HostSettings.DEFAULTS, SignedInUserPort.NOBODY, Safeguards.DEFAULTS);
    }

    RoomServiceFixture(HostSettings hostSettings) {
        this(FakeMediaPort.mesh(), RoomSettings.DEFAULTS, hostSettings, SignedInUserPort.NOBODY, Safeguards.DEFAULTS);
    }

    RoomServiceFixture(Safeguards safeguards) {
        this(FakeMediaPort.mesh(), RoomSettings.DEFAULTS, HostSettings.DEFAULTS, SignedInUserPort.NOBODY, safeguards);
    }

    RoomServiceFixture(FakeMediaPort media, RoomSettings settings, HostSettings hostSettings,
                       SignedInUserPort signedIn, Safeguards safeguards) {
        this.media = media;
        RoomServices services = new RoomServices(media, notifier, iceServers, clock, ids, settings,
                store, hostSettings, signedIn, safeguards);
        this.lobby = services.lobby();
        this.membership = services.membership();
        this.chatting = services.chat();
        this.negotiation = services.mediaNegotiation();
        this.statistics = services.statistics();
        this.restart = services.restart();
        this.moderation = services.participantModeration();
        this.access = services.roomAccess();
        this.roles = services.hostRoles();
        this.hands = services.hands();
        this.reactions = services.reactions();
    }

    // ---- rooms ----

    RoomId aRoom(String name) {
        return lobby.createRoom(new CreateRoomCommand(name, null, null)).toCompletableFuture().join().id();
    }

    RoomId aRoomWithCapacity(String name, int capacity) {
        return lobby.createRoom(new CreateRoomCommand(name, capacity, null)).toCompletableFuture().join().id();
    }

    RoomId aLockedRoom(String name, String password) {
        return lobby.createRoom(new CreateRoomCommand(name, null, password)).toCompletableFuture().join().id();
    }

    /** A room created from the connection named after {@code creator}, who hosts it on joining. */
    RoomId aRoomCreatedBy(String name, String creator) {
        return lobby.createRoom(new CreateRoomCommand(name, null, null, connectionOf(creator))).toCompletableFuture()
                .join().id();
    }

    Optional<RoomSummary> listed(RoomId room) {
        return lobby.listRooms().stream().filter(summary -> summary.id().equals(room)).findFirst();
    }

    int headCount(RoomId room) {
        return listed(room).orElseThrow(() -> new AssertionError("room " + room + " is not listed"))
                .participantCount();
    }

    // ---- participants ----

    static ConnectionId connectionOf(String name) {
        return new ConnectionId("conn-" + name.toLowerCase());
    }

    /** Joins with camera and microphone on the connection named after the participant. */
    Seated join(RoomId room, String name) {
        return join(room, name, MediaCapabilities.AUDIO_VIDEO);
    }

    Seated join(RoomId room, String name, MediaCapabilities capabilities) {
        return join(new JoinRoomCommand(connectionOf(name), room, name, null, capabilities));
    }

    Seated join(JoinRoomCommand command) {
        ParticipantId id = membership.joinRoom(command).toCompletableFuture().join()
                .orElseThrow(() -> new AssertionError(command.displayName() + " was not seated"));
        return new Seated(command.room(), id, command.connection(), command.displayName());
    }

    /** Joins a room with a waiting room: the newcomer knocks and waits. */
    Knocker knock(RoomId room, String name) {
        JoinRoomCommand command = joining(room, name);
        assertThat(membership.joinRoom(command).toCompletableFuture().join())
                .as("%s was seated instead of waiting", name).isEmpty();
        RoomEvent.Waiting waiting = notifier.eventsTo(command.connection(), RoomEvent.Waiting.class).stream()
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError(name + " was not told to wait"));
        return new Knocker(room, command.connection(), name, waiting.knock());
    }

    /** The participant as their room holds them now (role, media state, right to unmute). */
    Participant asTheRoomHas(Seated participant) {
        return store.find(participant.room()).flatMap(room -> room.participant(participant.id()))
                .orElseThrow(() -> new AssertionError(participant.name() + " is not in the room"));
    }

    /** The room as the store holds it now. */
    com.chatforyou.domain.model.Room room(RoomId room) {
        return store.find(room).orElseThrow(() -> new AssertionError("no room " + room));
    }

    static JoinRoomCommand joining(RoomId room, String name) {
        return new JoinRoomCommand(connectionOf(name), room, name, null, MediaCapabilities.AUDIO_VIDEO);
    }

    static JoinRoomCommand joiningWithPassword(RoomId room, String name, String password) {
        return new JoinRoomCommand(connectionOf(name), room, name, password, MediaCapabilities.AUDIO_VIDEO);
    }

    void say(Seated author, String text) {
        chatting.postChatMessage(new PostChatMessageCommand(author.connection(), author.room(), text));
    }

    void send(Seated from, LinkId link, MediaSignal signal) {
        negotiation.negotiate(new NegotiateMediaCommand(from.connection(), link, signal));
    }

    /** The connection drops and the reconnect grace period runs out without a resume. */
    void loseConnectionPastGrace(Seated participant) {
        membership.connectionLost(participant.connection());
        clock.advance(RoomSettings.DEFAULTS.reconnectGrace());
        membership.releaseExpiredSeats();
    }

    // ---- what happened ----

    List<RoomEvent> eventsTo(Seated participant) {
        return notifier.eventsTo(participant.connection());
    }

    <T extends RoomEvent> List<T> eventsTo(Seated participant, Class<T> type) {
        return notifier.eventsTo(participant.connection(), type);
    }

    /** The join acknowledgement a participant got; fails unless there was exactly one. */
    RoomEvent.Joined theOnlyJoinedTo(Seated participant) {
        return notifier.theOnly(RoomEvent.Joined.class, participant.connection());
    }

    /** Signals that reached a participant, whatever link they came on. */
    List<RoomEvent.SignalReceived> signalsTo(Seated participant) {
        return eventsTo(participant, RoomEvent.SignalReceived.class);
    }

    /** The link carrying {@code publisher}'s media to {@code viewer}. */
    MediaLink linkCarrying(Seated publisher, Seated viewer) {
        return media.opened().stream()
                .filter(link -> link.publisher().equals(publisher.id()) && link.involves(viewer.id()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no link carries " + publisher.name() + " to " + viewer.name()));
    }

    // ---- signals ----

    static SessionDescription offer(String tag) {
        return new SessionDescription(SessionDescription.Type.OFFER, "v=0\r\ns=offer-" + tag + "\r\n");
    }

    static SessionDescription answer(String tag) {
        return new SessionDescription(SessionDescription.Type.ANSWER, "v=0\r\ns=answer-" + tag + "\r\n");
    }

    static IceCandidate candidate(int port) {
        return new IceCandidate("candidate:1 1 udp 2122260223 192.0.2.1 " + port + " typ host", "0", 0);
    }
}
