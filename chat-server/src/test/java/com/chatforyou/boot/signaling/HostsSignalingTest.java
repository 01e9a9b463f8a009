package com.chatforyou.boot.signaling;

import static com.chatforyou.boot.signaling.SignalingTestClient.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Hosts, waiting rooms, raised hands and reactions over a real STOMP connection, as
 * docs/signaling-protocol.md describes them: the creator hosts, others get {@code not-host}, and
 * every event has its documented shape.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "chatforyou.rooms.reconnect-grace=10s", "chatforyou.rooms.reconnect-sweep-interval=200ms",
        "chatforyou.hosts.removal-ban=5m"})
class HostsSignalingTest {

    @LocalServerPort
    int port;

    private final List<SignalingTestClient> clients = new ArrayList<>();
    private SignalingTestClient ann;
    private SignalingTestClient bob;
    private String roomId;
    private String roomName;
    private JsonNode annJoined;
    private JsonNode bobJoined;
    private String annId;
    private String bobId;

    @BeforeEach
    void annHostsBobJoins() throws Exception {
        ann = connect();
        bob = connect();
        roomName = uniqueName("Class");
        roomId = ann.createRoom(roomName, 6, null);
        annJoined = ann.join(roomId, "Ann", null, true, true);
        bobJoined = bob.join(roomId, "Bob", null, true, true);
        annId = annJoined.at("/self/participantId").asString();
        bobId = bobJoined.at("/self/participantId").asString();
        ann.nextOfType("participant-joined");
    }

    @AfterEach
    void part() {
        clients.forEach(SignalingTestClient::close);
    }

    private SignalingTestClient connect() throws Exception {
        SignalingTestClient client = SignalingTestClient.connect(port);
        clients.add(client);
        return client;
    }

    private Map<String, Object> inRoom(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("roomId", roomId);
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    private static JsonNode errorTo(SignalingTestClient client) {
        return client.nextOfType("error");
    }

    @Test
    void the_creator_hosts_and_everyone_sees_the_roles_and_settings() {
        assertThat(annJoined.at("/self/role").asString()).isEqualTo("host");
        assertThat(bobJoined.at("/self/role").asString()).isEqualTo("participant");
        assertThat(bobJoined.at("/participants/0/role").asString()).isEqualTo("host");
        assertThat(bobJoined.path("settings")).isEqualTo(SignalingTestClient.json("""
                {"locked":false,"passwordRequired":false,"waitingRoom":false,"hostsControlMicrophones":false}"""));
        assertThat(bobJoined.path("hands")).isEmpty();
        assertThat(bobJoined.path("waiting")).isEmpty();
    }

    @Test
    void a_participant_gets_not_host_for_a_host_action_and_nothing_changes() {
        bob.send("/app/host.mute", inRoom("participantId", annId));

        JsonNode error = errorTo(bob);
        assertThat(error.path("code").asString()).isEqualTo("not-host");
        assertThat(error.path("destination").asString()).isEqualTo("/app/host.mute");
        ann.send("/app/chat.send", inRoom("text", "still here"));
        assertThat(ann.eventsBefore("chat")).extracting(e -> e.path("type").asString()).doesNotContain("media-state");
    }

    @Test
    void a_muted_participant_hears_who_muted_them_and_in_hosts_control_cannot_unmute() {
        ann.send("/app/host.microphones", inRoom("hostsControl", true));

        JsonNode settings = bob.nextOfType("room-settings");
        assertThat(settings.at("/settings/hostsControlMicrophones").asBoolean()).isTrue();
        assertThat(settings.path("byId").asString()).isEqualTo(annId);
        JsonNode muted = bob.nextOfType("muted-by-host");
        assertThat(muted).isEqualTo(SignalingTestClient.json("""
                {"type":"muted-by-host","roomId":"%s","by":{"participantId":"%s","displayName":"Ann"},"mayUnmute":false}"""
                .formatted(roomId, annId)));
        assertThat(ann.nextEventMatching(e -> e.path("type").asString().equals("media-state")
                && e.path("participantId").asString().equals(bobId), "Bob's media state"))
                .isEqualTo(SignalingTestClient.json("""
                        {"type":"media-state","roomId":"%s","participantId":"%s","audioMuted":true,"videoMuted":false,
                         "sharing":false,"mayUnmute":false}""".formatted(roomId, bobId)));

        bob.send("/app/media.state", Map.of("audioMuted", false, "videoMuted", false));
        assertThat(errorTo(bob).path("code").asString()).isEqualTo("unmute-not-allowed");

        ann.send("/app/host.ask-unmute", inRoom("participantId", bobId));
        assertThat(bob.nextOfType("unmute-requested").at("/by/displayName").asString()).isEqualTo("Ann");
        bob.send("/app/media.state", Map.of("audioMuted", false, "videoMuted", false));
        assertThat(ann.nextEventMatching(e -> e.path("type").asString().equals("media-state")
                && !e.path("audioMuted").asBoolean(), "Bob unmuted").path("participantId").asString()).isEqualTo(bobId);
    }

    @Test
    void a_host_stops_a_camera_and_the_participant_is_told() {
        ann.send("/app/host.stop-media", inRoom("participantId", bobId, "kind", "camera"));

        JsonNode stopped = bob.nextOfType("media-stopped-by-host");
        assertThat(stopped.path("kind").asString()).isEqualTo("camera");
        assertThat(stopped.at("/by/participantId").asString()).isEqualTo(annId);
        assertThat(bob.nextOfType("media-state").path("videoMuted").asBoolean()).isTrue();

        ann.send("/app/host.stop-media", inRoom("participantId", bobId, "kind", "microphone"));
        assertThat(errorTo(ann).path("code").asString()).isEqualTo("malformed-message");
    }

    @Test
    void a_removed_participant_is_told_the_others_see_removed_and_a_rejoin_is_banned() {
        ann.send("/app/host.remove", inRoom("participantId", bobId));

        JsonNode removed = bob.nextOfType("removed");
        assertThat(removed.at("/by/displayName").asString()).isEqualTo("Ann");
        assertThat(removed.path("rejoinAfter").asString()).isNotBlank();
        JsonNode left = ann.nextOfType("participant-left");
        assertThat(left.path("participantId").asString()).isEqualTo(bobId);
        assertThat(left.path("reason").asString()).isEqualTo("removed");

        bob.requestJoin(roomId, "Bob", null, true, true);
        JsonNode refused = errorTo(bob);
        assertThat(refused.path("code").asString()).isEqualTo("banned");
        assertThat(refused.path("destination").asString()).isEqualTo("/app/room.join");
    }

    @Test
    void a_locked_room_shows_locked_in_the_lobby_and_refuses_newcomers() throws Exception {
        SignalingTestClient lobby = connect();
        lobby.watchLobby();
        lobby.send("/app/lobby.rooms", Map.of());
        lobby.next("rooms");

        ann.send("/app/host.lock", inRoom("locked", true));

        JsonNode list = lobby.nextLobbyList(rooms -> roomIn(rooms).path("locked").asBoolean());
        assertThat(roomIn(list).path("passwordRequired").asBoolean()).isFalse();
        SignalingTestClient cid = connect();
        cid.requestJoin(roomId, "Cid", null, false, false);
        assertThat(errorTo(cid).path("code").asString()).isEqualTo("room-locked");
    }

    @Test
    void a_host_sets_a_password_and_the_lobby_asks_for_it() throws Exception {
        ann.send("/app/host.password", inRoom("password", "s3cret"));
        assertThat(bob.nextOfType("room-settings").at("/settings/passwordRequired").asBoolean()).isTrue();

        SignalingTestClient cid = connect();
        cid.requestJoin(roomId, "Cid", null, false, false);
        assertThat(errorTo(cid).path("code").asString()).isEqualTo("wrong-password");
        assertThat(cid.join(roomId, "Cid", "s3cret", false, false).at("/room/passwordRequired").asBoolean()).isTrue();
    }

    @Test
    void a_knocker_waits_a_host_admits_one_and_denies_another() throws Exception {
        ann.send("/app/host.waiting-room", inRoom("enabled", true));
        bob.nextOfType("room-settings");
        SignalingTestClient cid = connect();
        SignalingTestClient dee = connect();

        cid.requestJoin(roomId, "Cid", null, false, false);
        JsonNode waiting = cid.next("waiting");
        assertThat(waiting.path("roomName").asString()).isEqualTo(roomName);
        JsonNode list = ann.nextEventMatching(e -> e.path("type").asString().equals("waiting-room")
                && e.path("waiting").size() == 1, "Cid waiting");
        assertThat(list.at("/waiting/0/displayName").asString()).isEqualTo("Cid");
        assertThat(list.at("/waiting/0/knockId").asString()).isEqualTo(waiting.path("knockId").asString());
        dee.requestJoin(roomId, "Dee", null, false, false);
        String deeKnock = dee.next("waiting").path("knockId").asString();

        ann.send("/app/host.admit", inRoom("knockId", waiting.path("knockId").asString()));
        ann.send("/app/host.deny", inRoom("knockId", deeKnock));

        assertThat(cid.next("joined").at("/self/displayName").asString()).isEqualTo("Cid");
        assertThat(dee.next("denied")).isEqualTo(SignalingTestClient.json("""
                {"type":"denied","roomId":"%s","roomName":"%s","reason":"host"}""".formatted(roomId, roomName)));
        assertThat(bob.nextOfType("participant-joined").at("/participant/displayName").asString()).isEqualTo("Cid");
        bob.send("/app/host.admit", inRoom("knockId", deeKnock));
        assertThat(errorTo(bob).path("code").asString()).isEqualTo("not-host");
    }

    @Test
    void hands_queue_in_order_and_a_host_lowers_them() {
        bob.send("/app/hand.raise", inRoom());
        assertThat(ann.nextOfType("hands").path("raised")).hasSize(1);
        ann.send("/app/hand.raise", inRoom());

        JsonNode hands = bob.nextEventMatching(e -> e.path("type").asString().equals("hands")
                && e.path("raised").size() == 2, "two hands");
        assertThat(hands.at("/raised/0/participantId").asString()).isEqualTo(bobId);
        assertThat(hands.at("/raised/1/participantId").asString()).isEqualTo(annId);

        bob.send("/app/hand.lower", inRoom("participantId", annId));
        assertThat(errorTo(bob).path("code").asString()).isEqualTo("not-host");
        ann.send("/app/hand.lower", inRoom("participantId", bobId));
        assertThat(bob.nextEventMatching(e -> e.path("type").asString().equals("hands")
                && e.path("raised").size() == 1, "Bob's hand down").at("/raised/0/participantId").asString())
                .isEqualTo(annId);
    }

    @Test
    void a_reaction_reaches_everyone_and_only_offered_emoji_pass() {
        bob.send("/app/reaction.send", inRoom("emoji", "🎉"));

        assertThat(ann.nextOfType("reaction")).isEqualTo(SignalingTestClient.json("""
                {"type":"reaction","roomId":"%s","participantId":"%s","emoji":"🎉"}""".formatted(roomId, bobId)));
        bob.send("/app/reaction.send", inRoom("emoji", "<img src=x>"));
        assertThat(errorTo(bob).path("code").asString()).isEqualTo("invalid-reaction");
    }

    @Test
    void a_host_who_reconnects_keeps_the_role_and_the_raised_hands() throws Exception {
        bob.send("/app/hand.raise", inRoom());
        ann.nextOfType("hands");
        ann.disconnect();
        SignalingTestClient annAgain = connect();

        annAgain.send("/app/room.resume", Map.of("roomId", roomId, "participantId", annId,
                "resumeToken", annJoined.path("resumeToken").asString()));

        JsonNode resumed = annAgain.next("joined");
        assertThat(resumed.path("resumed").asBoolean()).isTrue();
        assertThat(resumed.at("/self/role").asString()).isEqualTo("host");
        assertThat(resumed.at("/hands/0/participantId").asString()).isEqualTo(bobId);
        annAgain.send("/app/host.lock", inRoom("locked", true));
        assertThat(bob.nextOfType("room-settings").at("/settings/locked").asBoolean()).isTrue();
    }

    @Test
    void a_host_ends_the_meeting_and_the_room_leaves_the_lobby() throws Exception {
        SignalingTestClient lobby = connect();
        lobby.watchLobby();
        lobby.send("/app/lobby.rooms", Map.of());
        lobby.next("rooms");

        ann.send("/app/host.end", inRoom());

        assertThat(bob.nextOfType("meeting-ended").at("/by/participantId").asString()).isEqualTo(annId);
        assertThat(ann.nextOfType("meeting-ended").path("roomId").asString()).isEqualTo(roomId);
        lobby.nextLobbyList(rooms -> !SignalingTestClient.showsRoom(rooms, roomName));
        bob.send("/app/chat.send", inRoom("text", "anyone?"));
        assertThat(errorTo(bob).path("code").asString()).isEqualTo("not-in-room");
    }

    @Test
    void a_hosts_powers_never_reach_another_room() throws Exception {
        SignalingTestClient cid = connect();
        SignalingTestClient dee = connect();
        String otherName = uniqueName("Other");
        String otherRoom = cid.createRoom(otherName, 6, null);
        cid.join(otherRoom, "Cid", null, true, true);
        String deeId = dee.join(otherRoom, "Dee", null, true, true).at("/self/participantId").asString();
        cid.nextOfType("participant-joined");

        ann.send("/app/host.lock", Map.of("roomId", otherRoom, "locked", true));
        assertThat(errorTo(ann).path("code").asString()).isEqualTo("not-in-room");
        ann.send("/app/host.mute", Map.of("roomId", otherRoom, "participantId", deeId));
        assertThat(errorTo(ann).path("code").asString()).isEqualTo("not-in-room");
        ann.send("/app/host.remove", inRoom("participantId", deeId));
        assertThat(errorTo(ann).path("code").asString()).isEqualTo("unknown-participant");
        ann.send("/app/host.end", Map.of("roomId", otherRoom));
        assertThat(errorTo(ann).path("code").asString()).isEqualTo("not-in-room");

        dee.send("/app/chat.send", Map.of("roomId", otherRoom, "text", "untouched"));
        assertThat(cid.eventsBefore("chat")).extracting(e -> e.path("type").asString())
                .doesNotContain("room-settings", "media-state", "participant-left", "meeting-ended", "muted-by-host");
        assertThat(dee.eventsBefore("chat")).extracting(e -> e.path("type").asString())
                .doesNotContain("muted-by-host", "removed", "meeting-ended");
    }

    private JsonNode roomIn(JsonNode rooms) {
        for (JsonNode room : rooms.path("rooms")) {
            if (room.path("roomId").asString().equals(roomId)) {
                return room;
            }
        }
        return SignalingTestClient.json("{}");
    }
}
