package com.chatforyou.boot.signaling;

import static com.chatforyou.boot.signaling.SignalingTestClient.showsRoom;
import static com.chatforyou.boot.signaling.SignalingTestClient.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The protocol end to end over a real STOMP connection: two participants who send audio and video
 * meet in a room, get their mesh links, negotiate, chat, and part.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chatforyou.rooms.reconnect-grace=0s")
class SignalingRoundTripTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    CompositeMessageConverter brokerMessageConverter;

    private SignalingTestClient lobby;
    private SignalingTestClient ann;
    private SignalingTestClient bob;
    private String roomName;
    private String roomId;

    @BeforeEach
    void connect() throws Exception {
        lobby = SignalingTestClient.connect(port);
        lobby.watchLobby();
        ann = SignalingTestClient.connect(port);
        bob = SignalingTestClient.connect(port);
        roomName = uniqueName("Standup");
        // The lobby subscription is in place once the lobby connection has had a reply.
        lobby.send("/app/lobby.rooms", Map.of());
        lobby.next("rooms");
        roomId = ann.createRoom(roomName, 4, null);
    }

    @AfterEach
    void disconnect() {
        for (SignalingTestClient client : List.of(lobby, ann, bob)) {
            client.close();
        }
    }

    @Test
    void repliesAreWrittenByJackson3() {
        assertThat(brokerMessageConverter.getConverters()).hasAtLeastOneElementOfType(JacksonJsonMessageConverter.class);
    }

    @Test
    void theServerOffersHeartBeatsEveryTwoSeconds() throws Exception {
        assertThat(ann.serverHeartbeat()).containsExactly(2000, 2000);
    }

    @Test
    void theLobbySeesRoomsAppearAndFill() {
        JsonNode created = lobby.nextLobbyList(rooms -> showsRoom(rooms, roomName));
        assertThat(created.path("defaultCapacity").asInt()).isEqualTo(6);
        assertThat(created.path("maxCapacity").asInt()).isEqualTo(8);
        assertThat(roomIn(created)).isEqualTo(json("""
                {"roomId":"%s","name":"%s","participants":0,"capacity":4,"passwordRequired":false,"locked":false,"waitingRoom":false,"slug":"%s","privateLink":false}"""
                .formatted(roomId, roomName, roomName.toLowerCase(java.util.Locale.ROOT))));

        ann.join(roomId, "Ann", null, true, true);
        bob.join(roomId, "Bob", null, true, true);

        lobby.nextLobbyList(rooms -> roomIn(rooms).path("participants").asInt() == 2);
    }

    @Test
    void aRoomListIsSentToWhoeverAsks() {
        bob.send("/app/lobby.rooms", Map.of());

        JsonNode rooms = bob.next("rooms");
        assertThat(rooms.path("defaultCapacity").asInt()).isEqualTo(6);
        assertThat(rooms.path("maxCapacity").asInt()).isEqualTo(8);
        assertThat(roomIn(rooms).path("roomId").asString()).isEqualTo(roomId);
    }

    @Test
    void theSecondToJoinMeetsTheFirstAndBothGetALinkEachWay() {
        JsonNode annJoined = ann.join(roomId, "Ann", null, true, true);
        String annId = annJoined.at("/self/participantId").asString();
        assertThat(annJoined.path("participants")).isEmpty();
        assertThat(annJoined.path("room")).isEqualTo(json("""
                {"roomId":"%s","name":"%s","participants":1,"capacity":4,"passwordRequired":false,"locked":false,"waitingRoom":false,"slug":"%s","privateLink":false}"""
                .formatted(roomId, roomName, roomName.toLowerCase(java.util.Locale.ROOT))));
        assertThat(annJoined.path("self")).isEqualTo(json("""
                {"participantId":"%s","displayName":"Ann","sendsAudio":true,"sendsVideo":true,
                 "audioMuted":false,"videoMuted":false,"sharing":false,"role":"host","mayUnmute":true}""".formatted(annId)));
        assertThat(annJoined.path("chat").isArray()).isTrue();
        assertThat(annJoined.path("iceServers").isArray()).isTrue();

        JsonNode bobJoined = bob.join(roomId, "Bob", null, true, true);
        String bobId = bobJoined.at("/self/participantId").asString();
        assertThat(bobJoined.path("participants")).containsExactly(annJoined.path("self"));

        JsonNode bobArrived = ann.next("participant-joined");
        assertThat(bobArrived).isEqualTo(json("""
                {"type":"participant-joined","roomId":"%s","participant":%s}""".formatted(roomId, bobJoined.path("self"))));

        List<JsonNode> annLinks = List.of(ann.next("link-open"), ann.next("link-open"));
        List<JsonNode> bobLinks = List.of(bob.next("link-open"), bob.next("link-open"));
        JsonNode annSends = withDirection(annLinks, "send");
        JsonNode annReceives = withDirection(annLinks, "receive");
        String annToBob = annSends.path("linkId").asString();
        String bobToAnn = annReceives.path("linkId").asString();
        assertThat(annSends).isEqualTo(json("""
                {"type":"link-open","linkId":"%s","publisherId":"%s","peerId":"%s","direction":"send",
                 "youOffer":true,"polite":false}""".formatted(annToBob, annId, bobId)));
        assertThat(annReceives).isEqualTo(json("""
                {"type":"link-open","linkId":"%s","publisherId":"%s","peerId":"%s","direction":"receive",
                 "youOffer":false,"polite":true}""".formatted(bobToAnn, bobId, bobId)));
        assertThat(withDirection(bobLinks, "send")).isEqualTo(json("""
                {"type":"link-open","linkId":"%s","publisherId":"%s","peerId":"%s","direction":"send",
                 "youOffer":true,"polite":false}""".formatted(bobToAnn, bobId, annId)));
        assertThat(withDirection(bobLinks, "receive")).isEqualTo(json("""
                {"type":"link-open","linkId":"%s","publisherId":"%s","peerId":"%s","direction":"receive",
                 "youOffer":false,"polite":true}""".formatted(annToBob, annId, annId)));
    }

    @Test
    void sessionDescriptionsAndCandidatesReachTheOtherEndOfTheLink() {
        String annToBob = meet().annToBob();
        JsonNode offer = json("""
                {"type":"offer","sdp":"v=0\\r\\no=- 4611731400430051336 2 IN IP4 127.0.0.1\\r\\n"}""");
        JsonNode answer = json("""
                {"type":"answer","sdp":"v=0\\r\\no=- 1 2 IN IP4 127.0.0.1\\r\\n"}""");
        // As candidate.toJSON() gives it, including the usernameFragment the server does not need.
        JsonNode candidate = json("""
                {"candidate":"candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host","sdpMid":"0",
                 "sdpMLineIndex":0,"usernameFragment":"Xy1z"}""");

        ann.send("/app/link.sdp", Map.of("linkId", annToBob, "description", offer));
        assertThat(bob.next("sdp")).isEqualTo(json("""
                {"type":"sdp","linkId":"%s","description":%s}""".formatted(annToBob, offer)));

        bob.send("/app/link.sdp", Map.of("linkId", annToBob, "description", answer));
        assertThat(ann.next("sdp")).isEqualTo(json("""
                {"type":"sdp","linkId":"%s","description":%s}""".formatted(annToBob, answer)));

        ann.send("/app/link.ice", Map.of("linkId", annToBob, "candidate", candidate));
        assertThat(bob.next("ice")).isEqualTo(json("""
                {"type":"ice","linkId":"%s","candidate":{"candidate":"candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host",
                 "sdpMid":"0","sdpMLineIndex":0}}""".formatted(annToBob)));

        bob.send("/app/link.ice", Map.of("linkId", annToBob,
                "candidate", Map.of("candidate", "", "sdpMid", "0", "sdpMLineIndex", 0)));
        assertThat(ann.next("ice").at("/candidate/candidate").asString()).isEmpty();
    }

    @Test
    void chatAndMuteTogglesReachEveryoneInTheRoomSenderIncluded() {
        String annId = ann.join(roomId, "Ann", null, true, true).at("/self/participantId").asString();
        bob.join(roomId, "Bob", null, true, true);

        ann.send("/app/chat.send", Map.of("roomId", roomId, "text", "  <b>hi</b>\nall  "));

        for (SignalingTestClient everyone : List.of(ann, bob)) {
            JsonNode chat = everyone.nextOfType("chat");
            assertThat(chat.path("roomId").asString()).isEqualTo(roomId);
            assertThat(chat.at("/message/authorId").asString()).isEqualTo(annId);
            assertThat(chat.at("/message/authorName").asString()).isEqualTo("Ann");
            assertThat(chat.at("/message/text").asString()).isEqualTo("<b>hi</b>\nall");
            assertThat(chat.at("/message/messageId").asString()).isNotBlank();
            assertThat(Instant.parse(chat.at("/message/sentAt").asString())).isNotNull();
        }

        ann.send("/app/media.state", Map.of("audioMuted", true, "videoMuted", false));

        for (SignalingTestClient everyone : List.of(ann, bob)) {
            assertThat(everyone.nextOfType("media-state")).isEqualTo(json("""
                    {"type":"media-state","roomId":"%s","participantId":"%s","audioMuted":true,"videoMuted":false,"sharing":false,"mayUnmute":true}"""
                    .formatted(roomId, annId)));
        }
    }

    @Test
    void theHistoryComesWithTheJoin() {
        ann.join(roomId, "Ann", null, false, false);
        ann.send("/app/chat.send", Map.of("roomId", roomId, "text", "before you came"));
        ann.next("chat");

        JsonNode bobJoined = bob.join(roomId, "Bob", null, false, false);

        assertThat(bobJoined.path("chat")).hasSize(1);
        assertThat(bobJoined.at("/chat/0/text").asString()).isEqualTo("before you came");
    }

    @Test
    void leavingClosesTheLinksAndTellsTheOthers() {
        String bobId = meet().bobId();

        bob.send("/app/room.leave", Map.of());

        assertThat(bob.next("left")).isEqualTo(json("""
                {"type":"left","roomId":"%s"}""".formatted(roomId)));
        ann.next("link-close");
        ann.next("link-close");
        assertThat(ann.next("participant-left")).isEqualTo(json("""
                {"type":"participant-left","roomId":"%s","participantId":"%s","reason":"left"}"""
                .formatted(roomId, bobId)));
    }

    @Test
    void aLostConnectionLeavesWithReasonDisconnected() {
        String bobId = meet().bobId();

        bob.disconnect();

        ann.next("link-close");
        ann.next("link-close");
        assertThat(ann.next("participant-left")).isEqualTo(json("""
                {"type":"participant-left","roomId":"%s","participantId":"%s","reason":"disconnected"}"""
                .formatted(roomId, bobId)));
        lobby.nextLobbyList(rooms -> roomIn(rooms).path("participants").asInt() == 1);
    }

    @Test
    void anEmptiedRoomDisappearsFromTheLobby() {
        ann.join(roomId, "Ann", null, false, false);

        ann.send("/app/room.leave", Map.of());
        ann.next("left");

        lobby.nextLobbyList(rooms -> !showsRoom(rooms, roomName));
    }

    private record Meeting(String bobId, String annToBob) {
    }

    /** Ann and Bob, both sending audio and video, are in the room with their links announced. */
    private Meeting meet() {
        ann.join(roomId, "Ann", null, true, true);
        bob.join(roomId, "Bob", null, true, true);
        String bobId = ann.next("participant-joined").at("/participant/participantId").asString();
        List<JsonNode> annLinks = List.of(ann.next("link-open"), ann.next("link-open"));
        bob.next("link-open");
        bob.next("link-open");
        return new Meeting(bobId, withDirection(annLinks, "send").path("linkId").asString());
    }

    private JsonNode roomIn(JsonNode rooms) {
        for (JsonNode room : rooms.path("rooms")) {
            if (room.path("roomId").asString().equals(roomId)) {
                return room;
            }
        }
        throw new AssertionError("room " + roomId + " is not in " + rooms);
    }

    private static JsonNode withDirection(List<JsonNode> links, String direction) {
        return links.stream().filter(link -> link.path("direction").asString().equals(direction)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + direction + " link in " + links));
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
