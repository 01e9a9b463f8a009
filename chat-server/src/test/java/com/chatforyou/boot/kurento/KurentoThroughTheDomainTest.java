package com.chatforyou.boot.kurento;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.adapter.media.Polling;
import com.chatforyou.adapter.media.SampleOffers;
import com.chatforyou.adapter.media.kurento.standin.KmsStandIn;
import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.LinkId;
import com.chatforyou.domain.model.MediaCapabilities;
import com.chatforyou.domain.model.MediaState;
import com.chatforyou.domain.model.RoomEvent.LinkClosed;
import com.chatforyou.domain.model.RoomEvent.LinkOpened;
import com.chatforyou.domain.model.RoomEvent.SignalReceived;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.model.SessionDescription;
import com.chatforyou.domain.port.in.CreateRoomUseCase.CreateRoomCommand;
import com.chatforyou.domain.port.in.JoinRoomUseCase.JoinRoomCommand;
import com.chatforyou.domain.port.in.NegotiateMediaUseCase.NegotiateMediaCommand;
import com.chatforyou.domain.port.out.ParticipantNotifier;
import com.chatforyou.domain.service.LobbyService;
import com.chatforyou.domain.service.MediaNegotiationService;
import com.chatforyou.domain.service.MembershipService;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The room use cases as wired by the application, with the Kurento backend and the KMS stand-in
 * (which moves no media); a recording notifier plays the browsers. Each test ends with everyone gone,
 * so the stand-in must end empty.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chatforyou.rooms.reconnect-grace=0s")
@DirtiesContext
@DisplayName("Kurento backend through the room use cases, on the KMS stand-in, which moves no media")
class KurentoThroughTheDomainTest {
    private static final KmsStandIn KMS = KmsStandIn.running();
    private static final List<MediaCapabilities> KINDS = List.of(MediaCapabilities.AUDIO_VIDEO,
            MediaCapabilities.AUDIO_ONLY, MediaCapabilities.RECEIVE_ONLY);

    @DynamicPropertySource
    static void useTheStandIn(DynamicPropertyRegistry registry) {
        registry.add("chatforyou.media.backend", () -> "kurento");
        registry.add("chatforyou.media.kurento.url", KMS::url);
    }

    @TestConfiguration
    static class Browsers {
        @Bean
        @Primary
        RecordingNotifier recordingNotifier() {
            return new RecordingNotifier();
        }
    }

    @AfterAll
    static void stopTheStandIn() {
        KMS.close();
    }

    @Autowired
    LobbyService lobby;

    @Autowired
    MembershipService membership;

    @Autowired
    MediaNegotiationService mediaNegotiation;

    @Autowired
    ParticipantNotifier notifier;

    private RecordingNotifier browsers() {
        return (RecordingNotifier) notifier;
    }

    @Test
    void after_two_hundred_joins_leaves_and_disconnects_across_four_rooms_the_stand_in_holds_no_object() {
        Polling.awaitTrue("the backend to reach the stand-in", () -> KMS.sessionsOpened() >= 1);
        List<RoomId> roomIds = new ArrayList<>();
        List<Deque<ConnectionId>> seated = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            roomIds.add(lobby.createRoom(new CreateRoomCommand("Cycle-" + r + "-" + shortId(), 16, null)).toCompletableFuture().join().id());
            seated.add(new ArrayDeque<>());
        }
        int answersBefore = answers();
        Map<ConnectionId, MediaCapabilities> sends = new HashMap<>();
        int offers = 0;
        for (int turn = 0; turn < 200; turn++) {
            int cycle = turn;
            int r = cycle % 4;
            ConnectionId browser = new ConnectionId("cycle-" + cycle + "-" + shortId());
            Polling.awaitTrue("KMS to be reachable for join " + cycle, () -> joinSucceeds(browser, roomIds.get(r),
                    "p" + cycle, KINDS.get(cycle % KINDS.size())));
            seated.get(r).add(browser);
            sends.put(browser, KINDS.get(cycle % KINDS.size()));
            if (cycle % 3 == 0) {
                Set<LinkId> offered = offerOnEveryLinkItOffers(browser);
                Polling.awaitTrue("answers to join " + cycle + "'s offers", () -> answeredLinks().containsAll(offered));
                offers += offered.size();
            }
            if (seated.get(r).size() > 3) {
                ConnectionId leaving = seated.get(r).poll();
                if (cycle % 2 == 0) {
                    membership.leaveRoom(leaving);
                } else {
                    membership.connectionLost(leaving);
                }
            }
            if (cycle % 25 == 24) {
                int expected = expectedEndpoints(seated, sends);
                Polling.awaitValue("KMS to hold exactly the endpoints of who is seated after cycle " + cycle,
                        () -> KMS.liveObjects("WebRtcEndpoint"), count -> count == expected);
                assertThat(KMS.liveObjects("MediaPipeline")).isEqualTo(4);
            }
        }
        assertThat(KMS.liveObjects()).as("objects while rooms are in use").isPositive();
        for (Deque<ConnectionId> room : seated) {
            room.forEach(membership::connectionLost);
        }

        Polling.awaitValue("the stand-in to hold no object", KMS::liveObjectIds, List::isEmpty);
        assertThat(offers).isPositive();
        assertThat(answers() - answersBefore).as("one answer per offer").isEqualTo(offers);
        assertThat(KMS.liveSubscriptions()).isZero();
        assertThat(lobby.listRooms()).extracting(room -> room.id()).doesNotContainAnyElementsOf(roomIds);
    }

    @Test
    void when_kms_restarts_with_a_new_session_the_room_is_replanned_and_renegotiated_and_nothing_old_remains() {
        Polling.awaitTrue("the backend to reach the stand-in", () -> KMS.sessionsOpened() >= 1);
        RoomId room = lobby.createRoom(new CreateRoomCommand("Restart-" + shortId(), null, null)).toCompletableFuture().join().id();
        ConnectionId ann = new ConnectionId("ann-" + shortId());
        ConnectionId bob = new ConnectionId("bob-" + shortId());
        Polling.awaitTrue("Ann joins", () -> joinSucceeds(ann, room, "Ann", MediaCapabilities.AUDIO_VIDEO));
        Polling.awaitTrue("Bob joins", () -> joinSucceeds(bob, room, "Bob", MediaCapabilities.AUDIO_VIDEO));
        Set<LinkId> oldLinks = new HashSet<>();
        for (ConnectionId browser : List.of(ann, bob)) {
            browsers().eventsTo(browser, LinkOpened.class).forEach(open -> oldLinks.add(open.link()));
            offerOnEveryLinkItOffers(browser);
        }
        Polling.awaitTrue("answers on the first links", () -> answeredLinks().containsAll(oldLinks));
        List<String> oldObjects = KMS.liveObjectIds();
        assertThat(oldObjects).hasSize(1 + 4);
        int sessions = KMS.sessionsOpened();

        KMS.restart();

        Polling.awaitTrue("every old link closed at its browser", () -> {
            Set<LinkId> closed = new HashSet<>(closedLinks(ann));
            closed.addAll(closedLinks(bob));
            return closed.containsAll(oldLinks);
        });
        List<LinkOpened> fresh = Polling.awaitValue("four new links",
                () -> openedLinks(ann, bob).stream().filter(open -> !oldLinks.contains(open.link())).toList(),
                opened -> opened.size() == 4);
        assertThat(fresh).extracting(LinkOpened::link).doesNotContainAnyElementsOf(oldLinks);
        offerOnNewLinks(ann, oldLinks);
        offerOnNewLinks(bob, oldLinks);
        Set<LinkId> freshIds = new HashSet<>();
        fresh.forEach(open -> freshIds.add(open.link()));
        Polling.awaitTrue("answers on the new links", () -> answeredLinks().containsAll(freshIds));
        assertThat(KMS.sessionsOpened()).isEqualTo(sessions + 1);
        assertThat(KMS.liveObjectIds()).hasSize(1 + 4).doesNotContainAnyElementsOf(oldObjects);

        membership.leaveRoom(ann);
        membership.connectionLost(bob);
        Polling.awaitValue("the stand-in to hold no object", KMS::liveObjectIds, List::isEmpty);
    }

    @Test
    void an_audio_only_participant_who_shares_gets_new_links_that_carry_video_because_kms_cannot_renegotiate() {
        Polling.awaitTrue("the backend to reach the stand-in", () -> KMS.sessionsOpened() >= 1);
        RoomId room = lobby.createRoom(new CreateRoomCommand("Share-" + shortId(), null, null)).toCompletableFuture().join().id();
        int offersBefore = KMS.invocations("processOffer").size();
        ConnectionId ann = new ConnectionId("ann-" + shortId());
        ConnectionId bob = new ConnectionId("bob-" + shortId());
        Polling.awaitTrue("Ann joins audio-only", () -> joinSucceeds(ann, room, "Ann", MediaCapabilities.AUDIO_ONLY));
        Polling.awaitTrue("Bob joins", () -> joinSucceeds(bob, room, "Bob", MediaCapabilities.AUDIO_VIDEO));
        Set<LinkId> firstLinks = new HashSet<>();
        for (ConnectionId browser : List.of(ann, bob)) {
            browsers().eventsTo(browser, LinkOpened.class).forEach(open -> firstLinks.add(open.link()));
            offerOnEveryLinkItOffers(browser);
        }
        Polling.awaitTrue("answers on the first links", () -> answeredLinks().containsAll(firstLinks));
        assertThat(videoConnections()).as("only Bob's camera is forwarded").isEqualTo(1);
        LinkId annsUpstream = browsers().eventsTo(ann, LinkOpened.class).stream()
                .filter(LinkOpened::youPublish).findFirst().orElseThrow().link();

        mediaNegotiation.updateMediaState(ann, new MediaState(false, false, true));
        mediaNegotiation.negotiate(new NegotiateMediaCommand(ann, annsUpstream,
                new SessionDescription(SessionDescription.Type.OFFER, SampleOffers.publishesAudioAndVideo())));

        assertThat(closedLinks(ann)).contains(annsUpstream);
        Set<LinkId> replaced = new HashSet<>(closedLinks(ann));
        replaced.addAll(closedLinks(bob));
        Set<LinkId> fresh = new HashSet<>();
        openedLinks(ann, bob).stream().filter(open -> !firstLinks.contains(open.link()))
                .forEach(open -> fresh.add(open.link()));
        assertThat(fresh).hasSameSizeAs(replaced);
        offerOnNewLinks(ann, firstLinks);
        offerOnNewLinks(bob, firstLinks);
        Polling.awaitTrue("answers on the new links", () -> answeredLinks().containsAll(fresh));
        Polling.awaitTrue("Ann's share forwarded to Bob as video", () -> videoConnections() == 2);
        assertThat(KMS.liveObjectIds()).as("one pipeline and four endpoints, nothing left over").hasSize(1 + 4);
        assertThat(KMS.invocations("processOffer").size() - offersBefore)
                .as("the second offer never reached KMS, which would refuse it").isEqualTo(firstLinks.size() + fresh.size());

        membership.leaveRoom(ann);
        membership.leaveRoom(bob);
        Polling.awaitValue("the stand-in to hold no object", KMS::liveObjectIds, List::isEmpty);
    }

    private int videoConnections() {
        return (int) KMS.mediaConnections().stream().filter(c -> "VIDEO".equals(c.mediaType())).count();
    }

    /** Each publisher has one endpoint up and one per viewer: p * n endpoints for n seated, p publishing. */
    private static int expectedEndpoints(List<Deque<ConnectionId>> seated, Map<ConnectionId, MediaCapabilities> sends) {
        int endpoints = 0;
        for (Deque<ConnectionId> room : seated) {
            long publishers = room.stream().filter(browser -> sends.get(browser).publishes()).count();
            endpoints += (int) publishers * room.size();
        }
        return endpoints;
    }

    private boolean joinSucceeds(ConnectionId browser, RoomId room, String name, MediaCapabilities sends) {
        try {
            membership.joinRoom(new JoinRoomCommand(browser, room, name, null, sends)).toCompletableFuture().join();
            return true;
        } catch (com.chatforyou.domain.model.ChatException e) {
            if (e.code() != com.chatforyou.domain.model.ErrorCode.MEDIA_UNAVAILABLE) {
                throw e;
            }
            return false;
        }
    }

    /** Sends the browser's offer on every open link where it is the offerer; returns those links. */
    private Set<LinkId> offerOnEveryLinkItOffers(ConnectionId browser) {
        Set<LinkId> offered = new HashSet<>();
        for (LinkOpened open : browsers().eventsTo(browser, LinkOpened.class)) {
            if (open.youOffer() && !closedLinks(browser).contains(open.link())) {
                mediaNegotiation.negotiate(new NegotiateMediaCommand(browser, open.link(),
                        new SessionDescription(SessionDescription.Type.OFFER, SampleOffers.publishesAudioAndVideo())));
                offered.add(open.link());
            }
        }
        return offered;
    }

    private void offerOnNewLinks(ConnectionId browser, Set<LinkId> old) {
        for (LinkOpened open : browsers().eventsTo(browser, LinkOpened.class)) {
            if (open.youOffer() && !old.contains(open.link())) {
                mediaNegotiation.negotiate(new NegotiateMediaCommand(browser, open.link(),
                        new SessionDescription(SessionDescription.Type.OFFER, SampleOffers.receivesAudioAndVideo())));
            }
        }
    }

    private List<LinkOpened> openedLinks(ConnectionId... browsers) {
        List<LinkOpened> opened = new ArrayList<>();
        for (ConnectionId browser : browsers) {
            opened.addAll(browsers().eventsTo(browser, LinkOpened.class));
        }
        return opened;
    }

    private Set<LinkId> closedLinks(ConnectionId browser) {
        Set<LinkId> closed = new HashSet<>();
        browsers().eventsTo(browser, LinkClosed.class).forEach(event -> closed.add(event.link()));
        return closed;
    }

    private Set<LinkId> answeredLinks() {
        Set<LinkId> answered = new HashSet<>();
        browsers().events(SignalReceived.class).stream()
                .filter(s -> s.signal() instanceof SessionDescription d && d.type() == SessionDescription.Type.ANSWER)
                .forEach(s -> answered.add(s.link()));
        return answered;
    }

    private int answers() {
        return (int) browsers().events(SignalReceived.class).stream()
                .filter(s -> s.signal() instanceof SessionDescription d && d.type() == SessionDescription.Type.ANSWER)
                .count();
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
