package com.chatforyou.bench;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * One simulated person on one STOMP connection. As a {@link Kind#BARE} session it talks only to the
 * baseline endpoint; as a {@link Kind#MEMBER} it joins a room, negotiates its media links with
 * synthetic SDP and chats, like the browser client but without media.
 */
final class SimulatedParticipant implements StompClient.Handler {

    enum Kind { BARE, MEMBER }

    static final String EVENTS = "/user/queue/events";
    static final String LOBBY = "/topic/lobby";
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** Shaped like a browser's audio offer; the server only checks the v=0 start and the length. */
    private static final String SYNTHETIC_SDP = String.join("\\r\\n",
            "v=0", "o=- 4611731400430051336 2 IN IP4 127.0.0.1", "s=-", "t=0 0", "a=group:BUNDLE 0",
            "a=msid-semantic: WMS bench", "m=audio 9 UDP/TLS/RTP/SAVPF 111", "c=IN IP4 0.0.0.0",
            "a=rtcp:9 IN IP4 0.0.0.0", "a=ice-ufrag:bnch", "a=ice-pwd:benchbenchbenchbenchbench",
            "a=fingerprint:sha-256 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF",
            "a=mid:0", "a=sendrecv", "a=rtcp-mux", "a=rtpmap:111 opus/48000/2", "a=fmtp:111 minptime=10;useinbandfec=1", "");
    private static final String CANDIDATE = "candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host generation 0";

    /** A media link as this end sees it. */
    static final class Link {
        final String linkId;
        final boolean youOffer;
        volatile long offerSentNanos;

        Link(String linkId, boolean youOffer) {
            this.linkId = linkId;
            this.youOffer = youOffer;
        }
    }

    final int index;
    final int room;
    private final Kind kind;
    private final BenchRun run;
    private final boolean watchesLobby;
    private final String roomId;
    private final String displayName;
    private volatile StompClient client;
    private volatile long connectSentNanos;
    /** Nanoseconds from CONNECT to the first answer: {@code joined}, or the bare endpoint's echo. */
    final CompletableFuture<Long> ready = new CompletableFuture<>();
    final CompletableFuture<Void> grouped = new CompletableFuture<>();
    final Map<String, Link> links = new ConcurrentHashMap<>();
    volatile int chatRefused;
    private volatile boolean leaving;

    SimulatedParticipant(int index, int room, Kind kind, BenchRun run, boolean watchesLobby, String roomId) {
        this.index = index;
        this.room = room;
        this.kind = kind;
        this.run = run;
        this.watchesLobby = watchesLobby;
        this.roomId = roomId;
        this.displayName = "P" + index;
    }

    /** Opens the WebSocket, then sends CONNECT; the clock starts at CONNECT, as the targets define it. */
    void start() {
        StompClient.open(run.http(index), run.uri(), this).whenComplete((opened, failure) -> {
            if (failure != null) {
                ready.completeExceptionally(failure);
                return;
            }
            client = opened;
            connectSentNanos = System.nanoTime();
            opened.connect();
        });
    }

    @Override
    public void connected(StompClient connection) {
        connection.subscribe(EVENTS);
        if (watchesLobby) {
            connection.subscribe(LOBBY);
        }
        if (kind == Kind.BARE) {
            connection.send("/app/bench.echo", "{\"participant\":" + index + "}");
        } else {
            connection.send("/app/room.join", "{\"roomId\":\"" + roomId + "\",\"displayName\":\"" + displayName
                    + "\",\"password\":null,\"media\":{\"audio\":true,\"video\":false}}");
        }
    }

    @Override
    public void message(StompClient connection, String destination, String body) {
        if (!EVENTS.equals(destination)) {
            run.lobbyListsReceived.increment();
            return;
        }
        JsonNode event = JSON.readTree(body);
        switch (event.path("type").asString()) {
            case "joined", "bench-echo" -> ready.complete(System.nanoTime() - connectSentNanos);
            case "bench-grouped" -> grouped.complete(null);
            case "chat" -> run.ledger().received(index, event.at("/message/text").asString());
            case "bench-broadcast" -> run.ledger().received(index, event.path("text").asString());
            case "link-open" -> {
                String linkId = event.path("linkId").asString();
                links.put(linkId, new Link(linkId, event.path("youOffer").asBoolean()));
                run.linkOpens.increment();
            }
            case "sdp" -> onSessionDescription(event);
            case "ice" -> run.candidatesReceived.increment();
            case "error" -> onError(event);
            default -> {
                // participant-joined, rooms and the like: nothing to measure.
            }
        }
    }

    private void onSessionDescription(JsonNode event) {
        String linkId = event.path("linkId").asString();
        if ("offer".equals(event.at("/description/type").asString())) {
            sendDescription(linkId, "answer");
            sendCandidates(linkId);
        } else {
            Link link = links.get(linkId);
            if (link != null && link.offerSentNanos != 0) {
                run.negotiationNanos.add(System.nanoTime() - link.offerSentNanos);
            }
            sendCandidates(linkId);
        }
    }

    private void onError(JsonNode event) {
        String code = event.path("code").asString();
        String destination = event.path("destination").asString();
        run.countError(code, destination);
        if (destination.equals("/app/room.join") || destination.equals("/app/bench.echo")) {
            ready.completeExceptionally(new IllegalStateException(code));
        } else if (destination.equals("/app/chat.send")) {
            chatRefused++;
            run.ledger().refusedOne();
        }
    }

    /** Offers on every link this end is to offer on. */
    int offerOnLinks() {
        int offers = 0;
        for (Link link : links.values()) {
            if (link.youOffer) {
                link.offerSentNanos = System.nanoTime();
                sendDescription(link.linkId, "offer");
                offers++;
            }
        }
        return offers;
    }

    private void sendDescription(String linkId, String type) {
        client.send("/app/link.sdp", "{\"linkId\":\"" + linkId + "\",\"description\":{\"type\":\"" + type
                + "\",\"sdp\":\"" + SYNTHETIC_SDP + "\"}}");
        run.signalsSent.increment();
    }

    /** One host candidate, then the end-of-candidates marker. */
    private void sendCandidates(String linkId) {
        client.send("/app/link.ice", "{\"linkId\":\"" + linkId + "\",\"candidate\":{\"candidate\":\"" + CANDIDATE
                + "\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}}");
        client.send("/app/link.ice", "{\"linkId\":\"" + linkId
                + "\",\"candidate\":{\"candidate\":\"\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}}");
        run.signalsSent.add(2);
    }

    boolean isBare() {
        return kind == Kind.BARE;
    }

    void joinGroup() {
        client.send("/app/bench.group", "{\"group\":\"g" + room + "\"}");
    }

    void chat(int seq) {
        String text = DeliveryLedger.tag(index, seq);
        if (kind == Kind.BARE) {
            client.send("/app/bench.broadcast", "{\"text\":\"" + text + "\"}");
        } else {
            client.send("/app/chat.send", "{\"roomId\":\"" + roomId + "\",\"text\":\"" + text + "\"}");
        }
    }

    void leaveAndClose() {
        leaving = true;
        StompClient connection = client;
        if (connection != null) {
            if (kind == Kind.MEMBER) {
                connection.send("/app/room.leave", "{}");
            }
            connection.close();
        }
    }

    @Override
    public void stompError(StompClient connection, String message) {
        // After our DISCONNECT the server may answer a late frame with "Session closed"; that is ours.
        if (!leaving) {
            run.countError("stomp-error", message);
        }
    }

    @Override
    public void closed(StompClient connection, String reason) {
        ready.completeExceptionally(new IllegalStateException("connection " + reason));
        if (!leaving) {
            run.countError("connection-lost", reason);
        }
    }
}
