package com.chatforyou.boot.signaling;

import static com.chatforyou.boot.signaling.SignalingTestClient.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.springframework.messaging.MessageDeliveryException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every kind of bad input gets a typed error sent to the offending connection only. The connection
 * stays open and usable, and the others in the room hear nothing of it.
 *
 * <p>How "nothing" is shown without waiting for a silence: after the refusal, the offender creates a
 * probe room. The server handles one connection's messages in order and keeps each connection's
 * outgoing order, so anything the refused message had caused for a bystander would reach it before
 * the lobby list that shows the probe room.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chatforyou.rooms.reconnect-grace=0s")
class SignalingBadInputTest {

    @LocalServerPort
    int port;

    private final List<SignalingTestClient> clients = new ArrayList<>();
    /** In the room from the start and watching the lobby. */
    private SignalingTestClient ann;
    private SignalingTestClient offender;
    private String roomId;

    @BeforeEach
    void annIsInARoom() throws Exception {
        ann = connect();
        ann.watchLobby();
        roomId = ann.createRoom(uniqueName("Room"), 3, null);
        ann.join(roomId, "Ann", null, true, true);
        offender = connect();
    }

    @AfterEach
    void disconnect() {
        clients.forEach(SignalingTestClient::close);
    }

    @Test
    void joiningARoomThatDoesNotExist() {
        offender.requestJoin("no-such-room", "Olga", null, false, false);

        assertRefused(offender, "/app/room.join", "room-not-found", ann);
    }

    @Test
    void joiningAFullRoom() throws Exception {
        SignalingTestClient bob = joined("Bob");
        SignalingTestClient cleo = joined("Cleo", bob);

        offender.requestJoin(roomId, "Olga", null, false, false);

        assertRefused(offender, "/app/room.join", "room-full", ann, bob, cleo);
    }

    @Test
    void joiningWithTheWrongPassword() throws Exception {
        String lockedRoom = ann.createRoom(uniqueName("Locked"), null, "s3cret");
        SignalingTestClient bob = connect();
        bob.watchLobby();
        bob.join(lockedRoom, "Bob", "s3cret", false, false);

        offender.requestJoin(lockedRoom, "Olga", "guess", false, false);

        assertRefused(offender, "/app/room.join", "wrong-password", bob, ann);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ann", "ann", "ANN", " aNn ", "Ann\u200b", "Ann\u00a0", "\u0410nn", "\uff21nn", "\u202eAnn"})
    void takingANameThatIsInUseOrALookalikeOfIt(String name) {
        offender.requestJoin(roomId, name, null, false, false);

        assertRefused(offender, "/app/room.join", "name-taken", ann);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "Olga\u0007Olga", "\u200b\u200d", "a-name-that-is-thirty-three-chars"})
    void joiningWithAnEmptyOverlongOrControlCharacterName(String name) {
        offender.requestJoin(roomId, name, null, false, false);

        assertRefused(offender, "/app/room.join", "invalid-display-name", ann);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "a-room-name-that-is-forty-nine-characters-long-xx"})
    void creatingARoomWithAnEmptyOrOverlongName(String name) {
        offender.send("/app/room.create", Map.of("name", name));

        assertRefused(offender, "/app/room.create", "invalid-room-name", ann);
    }

    @ParameterizedTest
    @ValueSource(ints = {1001, 0})
    void chattingWithAnEmptyOrOverlongMessage(int length) {
        offender.join(roomId, "Olga", null, false, false);
        settle(offender, ann);

        offender.send("/app/chat.send", Map.of("roomId", roomId, "text", length == 0 ? " \n " : "x".repeat(length)));

        assertRefused(offender, "/app/chat.send", "invalid-chat-message", ann);
    }

    @Test
    void chattingInARoomTheSenderIsNotIn() {
        String otherRoom = offender.createRoom(uniqueName("Other"), null, null);
        offender.join(otherRoom, "Olga", null, false, false);

        offender.send("/app/chat.send", Map.of("roomId", roomId, "text", "let me in"));

        assertRefused(offender, "/app/chat.send", "not-in-room", ann);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":", "not json", "[1,2]", "{}", "{\"name\":{\"first\":\"x\"}}", ""})
    void sendingABodyThatIsNotJsonOrHasTheWrongShape(String body) {
        offender.sendRaw("/app/room.create", body);

        assertRefused(offender, "/app/room.create", "malformed-message", ann);
    }

    @Test
    void sendingToAnApplicationDestinationThatDoesNotExist() {
        offender.send("/app/nope", Map.of());

        assertRefused(offender, "/app/nope", "unknown-destination", ann);
    }

    @Test
    void sendingOutsideTheApplicationPrefix() {
        offender.send("/topic/lobby", Map.of("type", "rooms", "rooms", List.of()));

        assertRefused(offender, "/topic/lobby", "unknown-destination", ann);
    }

    @Test
    void subscribingToADestinationThatDoesNotExist() {
        offender.subscribe("/topic/secret");

        assertRefused(offender, "/topic/secret", "unknown-destination", ann);
    }

    @Test
    void sendingABodyOver64KiB() {
        offender.join(roomId, "Olga", null, false, false);
        settle(offender, ann);

        offender.send("/app/chat.send", Map.of("roomId", roomId, "text", "x".repeat(70 * 1024)));

        assertRefused(offender, "/app/chat.send", "frame-too-large", ann);
    }

    /**
     * Past the WebSocket limit the server closes the connection, and the room sees a disconnect. It closes at the
     * first part of the message, whose content-length announces too much, so the sender may still be sending.
     */
    @Test
    void aWebSocketMessageOver128KiBClosesTheConnection() throws Exception {
        offender.join(roomId, "Olga", null, false, false);
        String olgaId = ann.next("participant-joined").at("/participant/participantId").asString();

        try {
            offender.send("/app/chat.send", Map.of("roomId", roomId, "text", "x".repeat(130 * 1024)));
        } catch (MessageDeliveryException closedWhileSending) {
            // The rest of the message had nowhere to go.
        }

        JsonNode left = ann.nextOfType("participant-left");
        assertThat(left.path("participantId").asString()).isEqualTo(olgaId);
        assertThat(left.path("reason").asString()).isEqualTo("disconnected");
        assertThat(offender.awaitClosedByServer()).isTrue();
    }

    @Test
    void negotiatingOnALinkTheSenderIsNotAnEndOf() throws Exception {
        SignalingTestClient bob = bobJoinsSendingMedia();
        String annToBob = linkSentByAnn();
        offender.join(roomId, "Olga", null, false, false);
        settle(offender, ann, bob);

        offender.send("/app/link.sdp", Map.of("linkId", annToBob,
                "description", Map.of("type", "offer", "sdp", "v=0\r\n")));
        assertRefused(offender, "/app/link.sdp", "link-not-owned", ann, bob);

        offender.send("/app/link.ice", Map.of("linkId", annToBob,
                "candidate", Map.of("candidate", "", "sdpMid", "0", "sdpMLineIndex", 0)));
        assertRefused(offender, "/app/link.ice", "link-not-owned", ann, bob);
    }

    @Test
    void negotiatingWithAnSdpTypeThatIsNeitherOfferNorAnswer() throws Exception {
        SignalingTestClient bob = bobJoinsSendingMedia();
        String annToBob = linkSentByAnn();

        ann.send("/app/link.sdp", Map.of("linkId", annToBob,
                "description", Map.of("type", "pranswer", "sdp", "v=0\r\n")));

        assertRefused(ann, "/app/link.sdp", "invalid-sdp", bob);
    }

    @Test
    void negotiatingOnALinkThatDoesNotExist() {
        offender.join(roomId, "Olga", null, false, false);
        settle(offender, ann);

        offender.send("/app/link.ice", Map.of("linkId", "no-such-link",
                "candidate", Map.of("candidate", "", "sdpMid", "0")));

        assertRefused(offender, "/app/link.ice", "unknown-link", ann);
    }

    /** The check of the other tests is not blind: what a valid message causes does arrive before the probe. */
    @Test
    void theProbeNoticesWhatReachesABystander() {
        offender.join(roomId, "Olga", null, false, false);
        settle(offender, ann);

        offender.send("/app/chat.send", Map.of("roomId", roomId, "text", "hello"));
        String probe = uniqueName("Probe");
        offender.send("/app/room.create", Map.of("name", probe));

        assertThat(ann.eventsBeforeLobbyShows(probe)).extracting(event -> event.path("type").asString())
                .containsExactly("chat");
    }

    /**
     * The offender's next event is the error; the connection then still answers, and each bystander
     * received nothing on its event queue in between.
     */
    private static void assertRefused(SignalingTestClient offender, String destination, String code,
                                      SignalingTestClient... bystanders) {
        JsonNode error = offender.next("error");
        assertThat(error.path("code").asString()).as("error code in %s", error).isEqualTo(code);
        assertThat(error.path("destination").asString()).isEqualTo(destination);
        assertThat(error.path("message").asString()).isNotBlank();

        String probe = uniqueName("Probe");
        offender.send("/app/room.create", Map.of("name", probe));
        assertThat(offender.next("room-created").at("/room/name").asString()).isEqualTo(probe);
        assertThat(offender.isConnected()).isTrue();
        assertThat(offender.stompErrors()).isEmpty();

        for (SignalingTestClient bystander : bystanders) {
            assertThat(bystander.eventsBeforeLobbyShows(probe)).as("events a bystander received").isEmpty();
        }
    }

    /** Waits until everything the actor's earlier messages caused has reached the bystanders. */
    private static void settle(SignalingTestClient actor, SignalingTestClient... bystanders) {
        String probe = uniqueName("Settle");
        actor.send("/app/room.create", Map.of("name", probe));
        actor.nextOfType("room-created");
        for (SignalingTestClient bystander : bystanders) {
            bystander.eventsBeforeLobbyShows(probe);
        }
    }

    /** A new participant in Ann's room, watching the lobby, after everything its join caused has arrived. */
    private SignalingTestClient joined(String name, SignalingTestClient... alreadyThere) throws Exception {
        SignalingTestClient client = connect();
        client.watchLobby();
        client.join(roomId, name, null, false, false);
        List<SignalingTestClient> bystanders = new ArrayList<>(List.of(alreadyThere));
        bystanders.add(ann);
        settle(client, bystanders.toArray(SignalingTestClient[]::new));
        return client;
    }

    /** Bob joins sending audio and video; both ends of the two new links have seen them announced. */
    private SignalingTestClient bobJoinsSendingMedia() throws Exception {
        SignalingTestClient bob = connect();
        bob.watchLobby();
        bob.join(roomId, "Bob", null, true, true);
        bob.next("link-open");
        bob.next("link-open");
        ann.next("participant-joined");
        return bob;
    }

    /** The link that carries Ann's media to Bob, from the two link-open events Ann is about to read. */
    private String linkSentByAnn() {
        for (JsonNode link : List.of(ann.next("link-open"), ann.next("link-open"))) {
            if (link.path("direction").asString().equals("send")) {
                return link.path("linkId").asString();
            }
        }
        throw new AssertionError("Ann got no link to send on");
    }

    private SignalingTestClient connect() throws Exception {
        SignalingTestClient client = SignalingTestClient.connect(port);
        clients.add(client);
        return client;
    }
}
