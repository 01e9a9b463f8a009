package com.chatforyou.adapter.signaling.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.chatforyou.adapter.signaling.dto.ErrorEvent;
import com.chatforyou.adapter.signaling.dto.ServerEvent;
import com.chatforyou.domain.model.Capacity;
import com.chatforyou.domain.model.CapacityLimits;
import com.chatforyou.domain.model.ChatMessage;
import com.chatforyou.domain.model.ChatText;
import com.chatforyou.domain.model.ClientToken;
import com.chatforyou.domain.model.DenialReason;
import com.chatforyou.domain.model.Knock;
import com.chatforyou.domain.model.KnockId;
import com.chatforyou.domain.model.Newcomer;
import com.chatforyou.domain.model.RaisedHand;
import com.chatforyou.domain.model.Reaction;
import com.chatforyou.domain.model.Role;
import com.chatforyou.domain.model.RoomControls;
import com.chatforyou.domain.model.StoppedMedia;
import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.DisplayName;
import com.chatforyou.domain.model.IceCandidate;
import com.chatforyou.domain.model.IceServer;
import com.chatforyou.domain.model.LeaveReason;
import com.chatforyou.domain.model.LinkId;
import com.chatforyou.domain.model.MediaCapabilities;
import com.chatforyou.domain.model.MediaState;
import com.chatforyou.domain.model.MessageId;
import com.chatforyou.domain.model.Participant;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.RoomEvent;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.model.RoomName;
import com.chatforyou.domain.model.RoomSlug;
import com.chatforyou.domain.model.RoomSummary;
import com.chatforyou.domain.model.SessionDescription;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every server event must serialise to exactly the JSON of docs/signaling-protocol.md. */
class ServerEventMapperTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ServerEventMapper EVENTS = ServerEventMapper.INSTANCE;

    private static final RoomId ROOM = new RoomId("r7k2");
    private static final ParticipantId ANN = new ParticipantId("p3f");
    private static final ParticipantId BOB = new ParticipantId("p8a");
    private static final LinkId LINK = new LinkId("l9x");
    private static final RoomSummary STANDUP = new RoomSummary(ROOM, new RoomName("Standup"), 2, new Capacity(6), false,
            new RoomSlug("standup"), false);
    private static final Instant NOON = Instant.parse("2026-11-28T12:00:00Z");
    private static final Participant ANN_SEAT = new Participant(ANN, new DisplayName("Ann"),
            MediaCapabilities.AUDIO_VIDEO, MediaState.UNMUTED, new ConnectionId("c1"), Instant.EPOCH, Role.HOST, false);
    private static final Participant BOB_SEAT = new Participant(BOB, new DisplayName("Bob"),
            MediaCapabilities.AUDIO_ONLY, new MediaState(true, true), new ConnectionId("c2"), Instant.EPOCH,
            Role.PARTICIPANT, true);
    private static final Knock CID_KNOCKS = new Knock(new KnockId("k1"), new Newcomer(new ConnectionId("c3"),
            new DisplayName("Cid"), MediaCapabilities.AUDIO_VIDEO, Optional.of(new ClientToken("secret-token"))), NOON);
    private static final ChatMessage BOB_SAYS_HI = new ChatMessage(new MessageId("m1"), BOB, new DisplayName("Bob"),
            new ChatText("hi"), Instant.parse("2026-11-28T10:15:30Z"));

    /** One example of each room event, with the JSON the browser must receive for it. */
    private static Map<Class<?>, Arguments> examples() {
        Map<Class<?>, Arguments> examples = new LinkedHashMap<>();
        examples.put(RoomEvent.Joined.class, Arguments.of(
                new RoomEvent.Joined(STANDUP, ANN_SEAT, List.of(BOB_SEAT), List.of(BOB_SAYS_HI),
                        List.of(new IceServer(List.of("stun:stun.example.org:3478"), null, null)), "t0k", false,
                        new RoomControls(false, false, true, true), List.of(new RaisedHand(BOB, NOON)),
                        List.of(CID_KNOCKS)),
                """
                {"type":"joined",
                 "room":{"roomId":"r7k2","name":"Standup","participants":2,"capacity":6,"passwordRequired":false,"locked":false,"waitingRoom":false,"slug":"standup","privateLink":false},
                 "self":{"participantId":"p3f","displayName":"Ann","sendsAudio":true,"sendsVideo":true,"audioMuted":false,"videoMuted":false,"sharing":false,"role":"host","mayUnmute":true},
                 "participants":[{"participantId":"p8a","displayName":"Bob","sendsAudio":true,"sendsVideo":false,"audioMuted":true,"videoMuted":true,"sharing":false,"role":"participant","mayUnmute":false}],
                 "chat":[{"messageId":"m1","authorId":"p8a","authorName":"Bob","text":"hi","sentAt":"2026-11-28T10:15:30Z"}],
                 "iceServers":[{"urls":["stun:stun.example.org:3478"],"username":null,"credential":null}],
                 "resumeToken":"t0k","resumed":false,
                 "settings":{"locked":false,"passwordRequired":false,"waitingRoom":true,"hostsControlMicrophones":true},
                 "hands":[{"participantId":"p8a","raisedAt":"2026-11-28T12:00:00Z"}],
                 "waiting":[{"knockId":"k1","displayName":"Cid","knockedAt":"2026-11-28T12:00:00Z"}]}
                """));
        examples.put(RoomEvent.ParticipantJoined.class, Arguments.of(
                new RoomEvent.ParticipantJoined(ROOM, BOB_SEAT),
                """
                {"type":"participant-joined","roomId":"r7k2","participant":{"participantId":"p8a","displayName":"Bob",
                 "sendsAudio":true,"sendsVideo":false,"audioMuted":true,"videoMuted":true,"sharing":false,
                 "role":"participant","mayUnmute":false}}
                """));
        examples.put(RoomEvent.ParticipantLeft.class, Arguments.of(
                new RoomEvent.ParticipantLeft(ROOM, BOB, LeaveReason.DISCONNECTED),
                """
                {"type":"participant-left","roomId":"r7k2","participantId":"p8a","reason":"disconnected"}
                """));
        examples.put(RoomEvent.Left.class, Arguments.of(
                new RoomEvent.Left(ROOM),
                """
                {"type":"left","roomId":"r7k2"}
                """));
        examples.put(RoomEvent.ChatPosted.class, Arguments.of(
                new RoomEvent.ChatPosted(ROOM, new ChatMessage(new MessageId("m2"), ANN, new DisplayName("Ann"),
                        new ChatText("<b>hi</b>"), Instant.parse("2026-11-28T10:15:31.123456789Z"))),
                """
                {"type":"chat","roomId":"r7k2","message":{"messageId":"m2","authorId":"p3f","authorName":"Ann",
                 "text":"<b>hi</b>","sentAt":"2026-11-28T10:15:31.123Z"}}
                """));
        examples.put(RoomEvent.MediaStateChanged.class, Arguments.of(
                new RoomEvent.MediaStateChanged(ROOM, ANN, new MediaState(true, false, true), false),
                """
                {"type":"media-state","roomId":"r7k2","participantId":"p3f","audioMuted":true,"videoMuted":false,"sharing":true,
                 "mayUnmute":false}
                """));
        examples.put(RoomEvent.LinkOpened.class, Arguments.of(
                new RoomEvent.LinkOpened(LINK, ANN, Optional.of(BOB), true, false, true),
                """
                {"type":"link-open","linkId":"l9x","publisherId":"p3f","peerId":"p8a","direction":"send",
                 "youOffer":true,"polite":false}
                """));
        examples.put(RoomEvent.LinkClosed.class, Arguments.of(
                new RoomEvent.LinkClosed(LINK),
                """
                {"type":"link-close","linkId":"l9x"}
                """));
        examples.put(RoomEvent.SignalReceived.class, Arguments.of(
                new RoomEvent.SignalReceived(LINK, new SessionDescription(SessionDescription.Type.ANSWER, "v=0\r\no=-")),
                """
                {"type":"sdp","linkId":"l9x","description":{"type":"answer","sdp":"v=0\\r\\no=-"}}
                """));
        examples.put(RoomEvent.IceServersRefreshed.class, Arguments.of(
                new RoomEvent.IceServersRefreshed(List.of(
                        new IceServer(List.of("stun:stun.example.org:3478"), null, null),
                        new IceServer(List.of("turn:turn.example.org:3478?transport=udp",
                                "turns:turn.example.org:5349?transport=tcp"), "1796032800:p3f", "1AHODvxe+vQKvKF/B2oTX9JDA+M="))),
                """
                {"type":"ice-servers",
                 "iceServers":[{"urls":["stun:stun.example.org:3478"],"username":null,"credential":null},
                  {"urls":["turn:turn.example.org:3478?transport=udp","turns:turn.example.org:5349?transport=tcp"],
                   "username":"1796032800:p3f","credential":"1AHODvxe+vQKvKF/B2oTX9JDA+M="}]}
                """));
        examples.put(RoomEvent.ServerRestarting.class, Arguments.of(
                new RoomEvent.ServerRestarting(ROOM),
                """
                {"type":"server-restarting","roomId":"r7k2"}
                """));
        examples.put(RoomEvent.MutedByHost.class, Arguments.of(
                new RoomEvent.MutedByHost(ROOM, ANN_SEAT, false),
                """
                {"type":"muted-by-host","roomId":"r7k2","by":{"participantId":"p3f","displayName":"Ann"},"mayUnmute":false}
                """));
        examples.put(RoomEvent.UnmuteRequested.class, Arguments.of(
                new RoomEvent.UnmuteRequested(ROOM, ANN_SEAT),
                """
                {"type":"unmute-requested","roomId":"r7k2","by":{"participantId":"p3f","displayName":"Ann"}}
                """));
        examples.put(RoomEvent.MediaStoppedByHost.class, Arguments.of(
                new RoomEvent.MediaStoppedByHost(ROOM, StoppedMedia.SCREEN_SHARE, ANN_SEAT),
                """
                {"type":"media-stopped-by-host","roomId":"r7k2","kind":"screen","by":{"participantId":"p3f","displayName":"Ann"}}
                """));
        examples.put(RoomEvent.Removed.class, Arguments.of(
                new RoomEvent.Removed(ROOM, ANN_SEAT, Optional.of(NOON)),
                """
                {"type":"removed","roomId":"r7k2","by":{"participantId":"p3f","displayName":"Ann"},
                 "rejoinAfter":"2026-11-28T12:00:00Z"}
                """));
        examples.put(RoomEvent.MeetingEnded.class, Arguments.of(
                new RoomEvent.MeetingEnded(ROOM, ANN_SEAT),
                """
                {"type":"meeting-ended","roomId":"r7k2","by":{"participantId":"p3f","displayName":"Ann"}}
                """));
        examples.put(RoomEvent.RoleChanged.class, Arguments.of(
                new RoomEvent.RoleChanged(ROOM, BOB_SEAT.withRole(Role.CO_HOST), Optional.of(ANN)),
                """
                {"type":"role-changed","roomId":"r7k2","participantId":"p8a","role":"co-host","byId":"p3f"}
                """));
        examples.put(RoomEvent.ControlsChanged.class, Arguments.of(
                new RoomEvent.ControlsChanged(ROOM, new RoomControls(true, true, false, false), ANN),
                """
                {"type":"room-settings","roomId":"r7k2",
                 "settings":{"locked":true,"passwordRequired":true,"waitingRoom":false,"hostsControlMicrophones":false},
                 "byId":"p3f"}
                """));
        examples.put(RoomEvent.Waiting.class, Arguments.of(
                new RoomEvent.Waiting(ROOM, new RoomName("Standup"), new KnockId("k1")),
                """
                {"type":"waiting","roomId":"r7k2","roomName":"Standup","knockId":"k1"}
                """));
        examples.put(RoomEvent.Denied.class, Arguments.of(
                new RoomEvent.Denied(ROOM, new RoomName("Standup"), DenialReason.MEETING_ENDED),
                """
                {"type":"denied","roomId":"r7k2","roomName":"Standup","reason":"meeting-ended"}
                """));
        examples.put(RoomEvent.WaitingListChanged.class, Arguments.of(
                new RoomEvent.WaitingListChanged(ROOM, List.of(CID_KNOCKS)),
                """
                {"type":"waiting-room","roomId":"r7k2","waiting":[{"knockId":"k1","displayName":"Cid","knockedAt":"2026-11-28T12:00:00Z"}]}
                """));
        examples.put(RoomEvent.HandsChanged.class, Arguments.of(
                new RoomEvent.HandsChanged(ROOM, List.of(new RaisedHand(BOB, NOON), new RaisedHand(ANN, NOON))),
                """
                {"type":"hands","roomId":"r7k2","raised":[{"participantId":"p8a","raisedAt":"2026-11-28T12:00:00Z"},
                 {"participantId":"p3f","raisedAt":"2026-11-28T12:00:00Z"}]}
                """));
        examples.put(RoomEvent.Reacted.class, Arguments.of(
                new RoomEvent.Reacted(ROOM, BOB, new Reaction("👏")),
                """
                {"type":"reaction","roomId":"r7k2","participantId":"p8a","emoji":"👏"}
                """));
        examples.put(RoomEvent.MediaServerStatus.class, Arguments.of(
                new RoomEvent.MediaServerStatus(ROOM, false),
                """
                {"type":"media-server","roomId":"r7k2","available":false}
                """));
        return examples;
    }

    static Stream<Arguments> everyRoomEvent() {
        return examples().values().stream();
    }

    @Test
    void examplesCoverEveryKindOfRoomEvent() {
        assertThat(examples().keySet()).containsExactlyInAnyOrder(RoomEvent.class.getPermittedSubclasses());
    }

    @ParameterizedTest
    @MethodSource("everyRoomEvent")
    void roomEventsHaveTheDocumentedWireForm(RoomEvent event, String expectedJson) {
        assertThat(wireForm(EVENTS.toServerEvent(event))).isEqualTo(JSON.readTree(expectedJson));
    }

    @Test
    void theViewerOfALinkReceivesFromThePublisherItsPeer() {
        var opened = new RoomEvent.LinkOpened(LINK, BOB, Optional.of(BOB), false, true, false);

        assertThat(wireForm(EVENTS.toServerEvent(opened))).isEqualTo(JSON.readTree("""
                {"type":"link-open","linkId":"l9x","publisherId":"p8a","peerId":"p8a","direction":"receive",
                 "youOffer":false,"polite":true}
                """));
    }

    @Test
    void aLinkToTheMediaServerHasANullPeer() {
        var publishing = new RoomEvent.LinkOpened(LINK, ANN, Optional.empty(), true, false, true);
        var subscribing = new RoomEvent.LinkOpened(LINK, BOB, Optional.empty(), false, true, false);

        assertThat(wireForm(EVENTS.toServerEvent(publishing))).isEqualTo(JSON.readTree("""
                {"type":"link-open","linkId":"l9x","publisherId":"p3f","peerId":null,"direction":"send",
                 "youOffer":true,"polite":false}
                """));
        assertThat(wireForm(EVENTS.toServerEvent(subscribing)).get("direction").asString()).isEqualTo("receive");
    }

    @Test
    void aRemovedParticipantLeftWithReasonRemovedAndAnImmediateRejoinHasNoTime() {
        var left = new RoomEvent.ParticipantLeft(ROOM, BOB, LeaveReason.REMOVED);
        var removed = new RoomEvent.Removed(ROOM, ANN_SEAT, Optional.empty());

        assertThat(wireForm(EVENTS.toServerEvent(left)).get("reason").asString()).isEqualTo("removed");
        assertThat(wireForm(EVENTS.toServerEvent(removed)).get("rejoinAfter").isNull()).isTrue();
    }

    @Test
    void aRoleHandedOverWhenTheHostLeftNamesNobody() {
        var changed = new RoomEvent.RoleChanged(ROOM, BOB_SEAT.withRole(Role.HOST), Optional.empty());

        assertThat(wireForm(EVENTS.toServerEvent(changed))).isEqualTo(JSON.readTree("""
                {"type":"role-changed","roomId":"r7k2","participantId":"p8a","role":"host","byId":null}
                """));
    }

    @Test
    void theWaitingListNeverCarriesTheKnockersConnectionOrToken() {
        String json = JSON.writeValueAsString(EVENTS.toServerEvent(new RoomEvent.WaitingListChanged(ROOM,
                List.of(CID_KNOCKS))));

        assertThat(json).doesNotContain("c3").doesNotContain("secret-token");
    }

    @Test
    void aParticipantWhoPressedLeaveLeftWithReasonLeft() {
        var left = new RoomEvent.ParticipantLeft(ROOM, BOB, LeaveReason.LEFT);

        assertThat(wireForm(EVENTS.toServerEvent(left)).get("reason").asString()).isEqualTo("left");
    }

    @Test
    void iceCandidatesKeepTheirBrowserShape() {
        var candidate = new RoomEvent.SignalReceived(LINK,
                new IceCandidate("candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host", "0", 0));
        var endOfCandidates = new RoomEvent.SignalReceived(LINK, new IceCandidate("", null, 0));

        assertThat(wireForm(EVENTS.toServerEvent(candidate))).isEqualTo(JSON.readTree("""
                {"type":"ice","linkId":"l9x","candidate":{"candidate":"candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host",
                 "sdpMid":"0","sdpMLineIndex":0}}
                """));
        assertThat(wireForm(EVENTS.toServerEvent(endOfCandidates))).isEqualTo(JSON.readTree("""
                {"type":"ice","linkId":"l9x","candidate":{"candidate":"","sdpMid":null,"sdpMLineIndex":0}}
                """));
    }

    @Test
    void theLobbyListCarriesTheCapacityLimits() {
        var guarded = new RoomSummary(new RoomId("r1"), new RoomName("Retro"), 0, new Capacity(8), true, true, true,
                new RoomSlug("k3x9-qp2m-w7ad"), true);

        var rooms = EVENTS.toRooms(List.of(STANDUP, guarded), new CapacityLimits(6, 8));

        assertThat(wireForm(rooms)).isEqualTo(JSON.readTree("""
                {"type":"rooms","defaultCapacity":6,"maxCapacity":8,"rooms":[
                 {"roomId":"r7k2","name":"Standup","participants":2,"capacity":6,"passwordRequired":false,"locked":false,"waitingRoom":false,"slug":"standup","privateLink":false},
                 {"roomId":"r1","name":"Retro","participants":0,"capacity":8,"passwordRequired":true,"locked":true,"waitingRoom":true,"slug":"k3x9-qp2m-w7ad","privateLink":true}],
                 "listed":true}
                """));
    }

    @Test
    void aServerThatHidesItsRoomsSendsTheCapacitiesAndNoRoom() {
        assertThat(wireForm(EVENTS.toHiddenRooms(new CapacityLimits(6, 8)))).isEqualTo(JSON.readTree("""
                {"type":"rooms","defaultCapacity":6,"maxCapacity":8,"rooms":[],"listed":false}
                """));
    }

    @Test
    void theRoomOfAnInviteLinkGoesToTheOneWhoAsked() {
        assertThat(wireForm(EVENTS.toRoomFound(STANDUP))).isEqualTo(JSON.readTree("""
                {"type":"room-found","room":{"roomId":"r7k2","name":"Standup","participants":2,"capacity":6,
                 "passwordRequired":false,"locked":false,"waitingRoom":false,"slug":"standup","privateLink":false}}
                """));
    }

    @Test
    void aCreatedRoomIsAnnouncedToItsCreator() {
        assertThat(wireForm(EVENTS.toRoomCreated(STANDUP))).isEqualTo(JSON.readTree("""
                {"type":"room-created","room":{"roomId":"r7k2","name":"Standup","participants":2,"capacity":6,"passwordRequired":false,"locked":false,"waitingRoom":false,"slug":"standup","privateLink":false}}
                """));
    }

    @Test
    void errorsNameTheirCodeAndDestination() {
        var error = new ErrorEvent("room-full", "The room is full (6 participants)", "/app/room.join");

        assertThat(wireForm(error)).isEqualTo(JSON.readTree("""
                {"type":"error","code":"room-full","message":"The room is full (6 participants)","destination":"/app/room.join"}
                """));
    }

    @Test
    void typeComesFirstSoLogsReadWell() {
        String json = JSON.writeValueAsString(EVENTS.toServerEvent(new RoomEvent.Left(ROOM)));

        assertThat(json).startsWith("{\"type\":\"left\"");
    }

    @Test
    void everyServerEventDeclaresItsTypeName() {
        assertThat(Arrays.stream(ServerEvent.class.getPermittedSubclasses())
                .filter(type -> type.getAnnotation(JsonTypeName.class) == null))
                .isEmpty();
    }

    private static JsonNode wireForm(Object event) {
        return JSON.readTree(JSON.writeValueAsString(event));
    }
}
