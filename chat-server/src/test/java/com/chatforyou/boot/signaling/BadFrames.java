package com.chatforyou.boot.signaling;

import java.util.List;
import java.util.Random;

/**
 * Generates frames that no correct client sends, each of a kind the server must refuse: with a typed
 * error, or (for a frame that is not STOMP or too large for the connection) by closing the connection.
 * Frames that would be valid requests (create a room, leave, lobby list) are never produced. The
 * fuzzing connection hosts its own room, so its host requests name another room, or nobody in its own.
 */
final class BadFrames {
    private static final String[] REFUSING_DESTINATIONS = {"/app/chat.send", "/app/room.join", "/app/link.sdp",
            "/app/link.ice", "/app/room.resume", "/app/host.mute", "/app/host.remove", "/app/host.stop-media",
            "/app/host.role", "/app/host.lock", "/app/host.password", "/app/host.waiting-room", "/app/host.admit",
            "/app/host.microphones", "/app/host.end", "/app/hand.raise", "/app/hand.lower", "/app/reaction.send"};
    /** Host requests on a participant; in the fuzzer's own room, naming anyone but itself finds nobody. */
    private static final String[] ON_A_PARTICIPANT = {"/app/host.mute", "/app/host.ask-unmute", "/app/host.remove",
            "/app/hand.lower"};
    /** Host requests that would be carried out in the fuzzer's own room; sent naming someone else's. */
    private static final String[][] ON_A_ROOM = {{"/app/host.lock", ",\"locked\":true"}, {"/app/host.end", ""},
            {"/app/host.waiting-room", ",\"enabled\":true"}, {"/app/host.microphones", ",\"hostsControl\":true"},
            {"/app/host.password", ",\"password\":\"taken-over\""}, {"/app/hand.raise", ""},
            {"/app/reaction.send", ",\"emoji\":\"👍\""}};

    /** What the fuzzing connection can aim at: its own room, and the room of the well-behaved participants. */
    record Targets(String ownRoom, String foreignRoom, List<String> foreignLinks, List<String> foreignParticipants) {
    }

    private BadFrames() {
    }

    static String next(Random random, Targets targets) {
        String ownRoom = targets.ownRoom();
        List<String> foreignLinks = targets.foreignLinks();
        int kind = random.nextInt(100);
        if (kind < 20) {
            return hostFrame(random, targets);
        }
        kind = 20 + random.nextInt(80);
        if (kind < 15) {
            return send(pick(random, REFUSING_DESTINATIONS), brokenJson(random));
        }
        if (kind < 30) {
            return send(pick(random, REFUSING_DESTINATIONS), wrongTypes(random));
        }
        if (kind < 42) {
            return send("/app/chat.send", "{\"roomId\":\"" + ownRoom + "\",\"text\":\""
                    + "x".repeat(1001 + random.nextInt(20_000)) + "\"}");
        }
        if (kind < 45) {
            // Over the 64 KiB body limit but within the 128 KiB WebSocket message limit.
            return send("/app/chat.send", "{\"text\":\"" + "y".repeat(70_000 + random.nextInt(50_000)) + "\"}");
        }
        if (kind < 55) {
            return send(unknownDestination(random), "{}");
        }
        if (kind < 62) {
            return "SUBSCRIBE\nid:s" + random.nextInt(1000) + "\ndestination:" + unknownDestination(random) + "\n\n\0";
        }
        if (kind < 75) {
            return send("/app/link.sdp", "{\"linkId\":\"" + randomText(random, 12) + "\",\"description\":{\"type\":\""
                    + pick(random, new String[] {"offer", "answer", "pranswer", "rollback", "", "OFFER"})
                    + "\",\"sdp\":\"" + sdpGarbage(random) + "\"}}");
        }
        if (kind < 88) {
            String link = foreignLinks.isEmpty() ? "none" : foreignLinks.get(random.nextInt(foreignLinks.size()));
            return send("/app/link.ice", "{\"linkId\":\"" + link + "\",\"candidate\":{\"candidate\":\"candidate:1 1 udp "
                    + random.nextInt() + " 192.0.2." + random.nextInt(255) + " " + random.nextInt(65536)
                    + " typ host\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}}");
        }
        if (kind < 92) {
            return send(null, "{\"roomId\":\"" + ownRoom + "\",\"text\":\"no destination\"}");
        }
        if (kind < 99) {
            return notStomp(random);
        }
        // Over the 128 KiB WebSocket message limit: the connection is closed.
        return send("/app/chat.send", "{\"text\":\"" + "z".repeat(140_000) + "\"}");
    }

    /**
     * Frames for a connection that holds no seat, aimed at what a server on the internet adds: joins to a
     * room with a password, with wrong passwords and names made of lookalikes, invisible and direction-changing
     * characters; creations with such names (empty once normalized, or a lookalike of an existing room)
     * or a password over the limit. None of them can succeed: the passwords are random, the names
     * invalid or taken.
     */
    static String nextForGuest(Random random, String passwordRoom, String takenRoomName) {
        int kind = random.nextInt(100);
        if (kind < 45) {
            return send("/app/room.join", "{\"roomId\":\"" + passwordRoom + "\",\"displayName\":\"" + trickyName(random)
                    + "\",\"password\":\"" + trickyText(random, 1 + random.nextInt(40)) + "\"}");
        }
        if (kind < 60) {
            return send("/app/room.join", "{\"roomId\":\"" + passwordRoom + "\",\"displayName\":\"" + invisibleName(random)
                    + "\",\"password\":\"x\"}");
        }
        if (kind < 75) {
            return send("/app/room.create", "{\"name\":\"" + invisibleName(random) + "\"}");
        }
        if (kind < 88) {
            return send("/app/room.create", "{\"name\":\"" + lookalikeOf(random, takenRoomName) + "\"}");
        }
        return send("/app/room.create", "{\"name\":\"fuzz-" + random.nextInt() + "\",\"password\":\""
                + "p".repeat(129 + random.nextInt(2000)) + "\"}");
    }

    /** Garbage and half-valid Forwarded / X-Forwarded-For headers for the handshake. */
    static String forwardedHeaders(Random random) {
        String[] values = {"", "X-Forwarded-For: 198.51.100." + random.nextInt(255) + "\r\n",
                "X-Forwarded-For: not-an-address\r\n", "X-Forwarded-For: , , ,\r\n",
                "X-Forwarded-For: 10.0.0.1, 2001:db8::" + Integer.toHexString(random.nextInt(65536)) + "\r\n",
                "Forwarded: for=\"[2001:db8::1]:80\";proto=https;host=chat.example.org\r\n",
                "Forwarded: for=[[[;proto=gopher;host=<script>\r\n", "Forwarded: ;;;,,,=\r\n",
                "Forwarded: for=unknown\r\n", "Forwarded: for=_hidden, for=198.51.100.9\r\n",
                "X-Forwarded-For: " + randomText(random, 30).replace("\r", "").replace("\n", "") + "\r\n"};
        return values[random.nextInt(values.length)];
    }

    private static String trickyName(Random random) {
        return random.nextBoolean() ? lookalikeOf(random, "Calm Host") : trickyText(random, 1 + random.nextInt(40));
    }

    private static String lookalikeOf(Random random, String name) {
        String[] tricks = {"\\u200b", "\\u200d", "\\u00ad", "\\u2060", "\\ufeff", "\\u202e", "\\u2066"};
        StringBuilder lookalike = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (c == 'a' && random.nextBoolean()) {
                lookalike.append("\\u0430");
            } else if (c == 'C' && random.nextBoolean()) {
                lookalike.append("\\u0421");
            } else {
                lookalike.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
            }
            if (random.nextInt(4) == 0) {
                lookalike.append(pick(random, tricks));
            }
        }
        return lookalike.toString();
    }

    /** Only characters that normalization removes or that are not allowed: empty or invalid afterwards. */
    private static String invisibleName(Random random) {
        String[] invisible = {"\\u200b", "\\u200c", "\\u200d", "\\u200e", "\\u200f", "\\u202a", "\\u202e", "\\u2066",
                "\\u2069", "\\u00ad", "\\ufeff", "\\u180e", "\\ufe0f", "\\u034f", " ", "\\t", "\\u3000", "\\u0007"};
        StringBuilder name = new StringBuilder();
        for (int i = 1 + random.nextInt(12); i > 0; i--) {
            name.append(pick(random, invisible));
        }
        return name.toString();
    }

    /** Random text from several scripts, combining marks and surrogate pairs, JSON-escaped. */
    private static String trickyText(Random random, int length) {
        String[] pieces = {"a", "Z", "9", " ", "\\u0301", "\\u0410", "\\u03b1", "\\u05d0", "\\u0627", "\\u4e2d", "\\ud83d\\ude00",
                "\\u200b", "\\u202e", "\\uff21", "\\u2028", "\\\"", "\\\\", "\\u0000", "\\udc00"};
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(pick(random, pieces));
        }
        return text.toString();
    }

    /** Host, hand and reaction requests that must be refused, some of them aimed at the other room. */
    private static String hostFrame(Random random, Targets targets) {
        String own = targets.ownRoom();
        String someoneElse = random.nextBoolean() && !targets.foreignParticipants().isEmpty()
                ? targets.foreignParticipants().get(random.nextInt(targets.foreignParticipants().size()))
                : randomText(random, 1 + random.nextInt(16));
        switch (random.nextInt(8)) {
            case 0: {
                String[] request = ON_A_ROOM[random.nextInt(ON_A_ROOM.length)];
                return send(request[0], "{\"roomId\":\"" + targets.foreignRoom() + "\"" + request[1] + "}");
            }
            case 1:
                return send(pick(random, ON_A_PARTICIPANT), "{\"roomId\":\"" + own + "\",\"participantId\":\""
                        + someoneElse + "\"}");
            case 2:
                return send(pick(random, ON_A_PARTICIPANT), "{\"roomId\":\"" + targets.foreignRoom()
                        + "\",\"participantId\":\"" + someoneElse + "\"}");
            case 3:
                return send("/app/host.stop-media", "{\"roomId\":\"" + own + "\",\"participantId\":\"" + someoneElse
                        + "\",\"kind\":\"" + pick(random, new String[] {"camera", "screen", "microphone", "", "CAMERA"})
                        + "\"}");
            case 4:
                return send("/app/host.role", "{\"roomId\":\"" + own + "\",\"participantId\":\"" + someoneElse
                        + "\",\"role\":\"" + pick(random, new String[] {"host", "co-host", "participant", "admin", ""})
                        + "\"}");
            case 5:
                return send(pick(random, new String[] {"/app/host.admit", "/app/host.deny"}),
                        "{\"roomId\":\"" + own + "\",\"knockId\":\"" + randomText(random, 1 + random.nextInt(16)) + "\"}");
            case 6:
                return send("/app/reaction.send", "{\"roomId\":\"" + own + "\",\"emoji\":\""
                        + pick(random, new String[] {"<b>", "x", "", "👍👍", "\\u0000", "🖕", randomText(random, 8)}) + "\"}");
            default:
                return send("/app/host.password", "{\"roomId\":\"" + own + "\",\"password\":\""
                        + "p".repeat(129 + random.nextInt(1000)) + "\"}");
        }
    }

    private static String send(String destination, String body) {
        return "SEND\n" + (destination == null ? "" : "destination:" + destination + "\n")
                + "content-type:application/json\n\n" + body + "\0";
    }

    private static String brokenJson(Random random) {
        String[] broken = {"{", "}", "{\"roomId\":", "[1,2", "{\"text\":\"unterminated}", "null", "nul", "{'a':1}",
                "{\"roomId\":\"r\",,}", "\u0001\u0002", "", "{\"a\":NaN}", "<xml/>"};
        return pick(random, broken) + (random.nextBoolean() ? "" : randomText(random, random.nextInt(40)));
    }

    private static String wrongTypes(Random random) {
        String[] shapes = {"{\"roomId\":[1,2],\"text\":{\"a\":1}}", "{\"roomId\":{},\"displayName\":[]}",
                "{\"linkId\":7,\"description\":\"offer\"}", "{\"linkId\":null,\"candidate\":[]}", "[]", "42",
                "\"just a string\"", "{\"roomId\":true,\"participantId\":1.5,\"resumeToken\":{}}",
                "{\"roomId\":\"r\",\"locked\":\"yes\"}", "{\"roomId\":\"r\",\"enabled\":[]}",
                "{\"roomId\":\"r\",\"hostsControl\":{}}", "{\"roomId\":\"r\",\"knockId\":7}",
                "{\"roomId\":\"r\",\"displayName\":\"Ann\",\"clientToken\":\"no spaces allowed\"}",
                "{\"roomId\":\"r\",\"text\":" + random.nextInt() + "}"};
        return pick(random, shapes);
    }

    private static String unknownDestination(Random random) {
        String[] prefixes = {"/app/", "/topic/", "/queue/", "/user/", "/", "/app/room.", "/app/../"};
        return pick(random, prefixes) + randomText(random, 1 + random.nextInt(20));
    }

    private static String sdpGarbage(Random random) {
        String[] pieces = {"v=0", "v=1", "o=- 0 0 IN IP4 x", "m=audio", "a=candidate:", "\\r\\n", "\\u0000",
                "s=", "c=IN IP6", "💥", "\\\\"};
        StringBuilder sdp = new StringBuilder();
        for (int i = random.nextInt(30); i > 0; i--) {
            sdp.append(pick(random, pieces));
        }
        return sdp.toString();
    }

    /** Unknown commands and broken header lines: not STOMP at all. */
    private static String notStomp(Random random) {
        String[] frames = {"HELLO\n\n\0", "send\ndestination:/app/chat.send\n\n{}\0", "SEND\nno-colon-here\n\n{}\0",
                "GET / HTTP/1.1\r\n\r\n\0", "\u0001\u0002\n\n\0", randomText(random, 10) + "\n\n\0",
                "SEND\ndestination:/app/chat.send\n\n{}\0GARBAGE\n\n\0"};
        return pick(random, frames);
    }

    private static String randomText(Random random, int length) {
        String alphabet = "abcXYZ019-_.:/{}\"\\ ";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static String pick(Random random, String[] options) {
        return options[random.nextInt(options.length)];
    }
}
