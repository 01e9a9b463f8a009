package com.chatforyou.boot.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.AbstractMessageConverter;
import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import tools.jackson.databind.JsonNode;

/**
 * One browser's STOMP connection, as a test sees it: it subscribes to its event queue (and, when
 * asked, the lobby) and keeps everything received, in arrival order, in one queue. Waits are
 * generous upper bounds so a broken server fails the test instead of hanging it.
 */
public final class SignalingTestClient implements AutoCloseable {

    static final String EVENTS = "/user/queue/events";
    static final String LOBBY = "/topic/lobby";
    private static final long WAIT_SECONDS = 30;

    /** A message as it arrived: on which subscription, and its JSON body. */
    record Received(String subscription, JsonNode body) {
        String type() {
            return body.path("type").asString();
        }

        boolean isEvent() {
            return EVENTS.equals(subscription);
        }
    }

    /** A body sent exactly as written, for JSON no well-behaved client would produce. */
    record RawJson(String text) {
    }

    private final StompSession session;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger lobbyLists = new java.util.concurrent.atomic.AtomicInteger();
    private final List<String> stompErrors = new CopyOnWriteArrayList<>();
    /** Completed just after the session is handed out, so read through a future. */
    private final CompletableFuture<StompHeaders> connectedHeaders = new CompletableFuture<>();

    private SignalingTestClient(int port) throws Exception {
        WebSocketContainer container = ContainerProvider.getWebSocketContainer();
        container.setDefaultMaxTextMessageBufferSize(256 * 1024);
        WebSocketStompClient stomp = new WebSocketStompClient(new StandardWebSocketClient(container));
        stomp.setMessageConverter(new CompositeMessageConverter(
                List.of(new RawJsonConverter(), new JacksonJsonMessageConverter())));
        stomp.setInboundMessageSizeLimit(256 * 1024);
        stomp.setDefaultHeartbeat(new long[] {0, 0});
        session = stomp.connectAsync("ws://localhost:" + port + "/signaling", new StompSessionHandlerAdapter() {
            @Override
            public void afterConnected(StompSession session, StompHeaders headers) {
                connectedHeaders.complete(headers);
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                stompErrors.add(String.valueOf(headers.getFirst("message")));
            }

            @Override
            public void handleException(StompSession session, StompCommand command, StompHeaders headers,
                                        byte[] payload, Throwable exception) {
                stompErrors.add(exception.toString());
            }
        }).get(WAIT_SECONDS, TimeUnit.SECONDS);
        subscribe(EVENTS);
    }

    public static SignalingTestClient connect(int port) throws Exception {
        return new SignalingTestClient(port);
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    /** JSON text as a tree, to compare with what arrived. */
    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    void subscribe(String destination) {
        session.subscribe(destination, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return JsonNode.class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                if (LOBBY.equals(destination)) {
                    lobbyLists.incrementAndGet();
                }
                received.add(new Received(destination, (JsonNode) payload));
            }
        });
    }

    /** How many room lists arrived on the lobby topic so far. */
    int lobbyListsReceived() {
        return lobbyLists.get();
    }

    void watchLobby() {
        subscribe(LOBBY);
    }

    public void send(String destination, Object body) {
        session.send(destination, body);
    }

    void sendRaw(String destination, String json) {
        send(destination, new RawJson(json));
    }

    /** The heart-beat the server offered in its CONNECTED frame. */
    long[] serverHeartbeat() throws Exception {
        return connectedHeaders.get(WAIT_SECONDS, TimeUnit.SECONDS).getHeartbeat();
    }

    boolean isConnected() {
        return session.isConnected();
    }

    /** Waits (within the usual bound) for the server to close this connection; true once it has. */
    boolean awaitClosedByServer() throws InterruptedException {
        return awaitWithinBound(() -> !session.isConnected());
    }

    /** Polls until the condition holds or the usual bound passes; whether it holds. */
    private static boolean awaitWithinBound(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }

    /** STOMP ERROR frames and transport failures; the protocol never uses them, so this stays empty. */
    List<String> stompErrors() {
        return List.copyOf(stompErrors);
    }

    /**
     * Waits (within the usual bound) for a STOMP ERROR frame or transport failure to be recorded: the
     * client may report the server's close before it has handed on the ERROR frame that preceded it.
     */
    List<String> awaitStompErrors() throws InterruptedException {
        awaitWithinBound(() -> !stompErrors.isEmpty());
        return stompErrors();
    }

    /** The next event on the connection's own queue, which must have this type; lobby lists are skipped. */
    JsonNode next(String type) {
        Received event = take(Received::isEvent, "an event of type " + type);
        assertThat(event.type()).as("type of the next event, %s", event.body()).isEqualTo(type);
        return event.body();
    }

    /** The next event on the connection's own queue, whatever its type; lobby lists are skipped. */
    public JsonNode nextEvent() {
        return take(Received::isEvent, "any event").body();
    }

    /** The next event of this type on the connection's own queue, skipping everything before it. */
    public JsonNode nextOfType(String type) {
        return take(r -> r.isEvent() && r.type().equals(type), "an event of type " + type).body();
    }

    /** The next event on the connection's own queue that matches, skipping everything before it. */
    public JsonNode nextEventMatching(Predicate<JsonNode> wanted, String what) {
        return take(r -> r.isEvent() && wanted.test(r.body()), what).body();
    }

    /** The events (not lobby lists) before the next event of this type, which is consumed and not included. */
    List<JsonNode> eventsBefore(String type) {
        List<JsonNode> before = new ArrayList<>();
        while (true) {
            Received next = take(Received::isEvent, "an event of type " + type);
            if (next.type().equals(type)) {
                return before;
            }
            before.add(next.body());
        }
    }

    /** The first lobby list that satisfies the condition; earlier lists are skipped. */
    JsonNode nextLobbyList(Predicate<JsonNode> condition) {
        return take(r -> !r.isEvent() && condition.test(r.body()), "a matching lobby list").body();
    }

    /**
     * The events (not lobby lists) that arrived before the first lobby list showing a room of this
     * name. The server keeps each connection's order, so this tells what reached the connection
     * before that room was created.
     */
    List<JsonNode> eventsBeforeLobbyShows(String roomName) {
        List<JsonNode> before = new ArrayList<>();
        while (true) {
            Received next = take(r -> true, "a lobby list showing " + roomName);
            if (!next.isEvent() && showsRoom(next.body(), roomName)) {
                return before;
            }
            if (next.isEvent()) {
                before.add(next.body());
            }
        }
    }

    static boolean showsRoom(JsonNode rooms, String roomName) {
        for (JsonNode room : rooms.path("rooms")) {
            if (room.path("name").asString().equals(roomName)) {
                return true;
            }
        }
        return false;
    }

    void disconnect() {
        if (session.isConnected()) {
            session.disconnect();
        }
    }

    @Override
    public void close() {
        disconnect();
    }

    private Received take(Predicate<Received> wanted, String what) {
        List<Received> skipped = new ArrayList<>();
        try {
            while (true) {
                Received next = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
                if (next == null) {
                    return fail("Waited for %s; nothing more arrived. Skipped on the way: %s", what, skipped);
                }
                if (wanted.test(next)) {
                    return next;
                }
                skipped.add(next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("Interrupted while waiting for %s", what);
        }
    }

    /** Writes {@link RawJson} bodies byte for byte, labelled as JSON. */
    private static final class RawJsonConverter extends AbstractMessageConverter {
        RawJsonConverter() {
            super(MimeTypeUtils.APPLICATION_JSON);
        }

        @Override
        protected boolean supports(Class<?> type) {
            return type == RawJson.class;
        }

        @Override
        protected boolean canConvertFrom(org.springframework.messaging.Message<?> message, Class<?> targetClass) {
            return false;
        }

        @Override
        protected Object convertToInternal(Object payload, MessageHeaders headers, Object conversionHint) {
            return ((RawJson) payload).text().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Creates a room (without joining it) and returns its id. */
    public String createRoom(String name, Integer capacity, String password) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("capacity", capacity);
        body.put("password", password);
        send("/app/room.create", body);
        return next("room-created").at("/room/roomId").asString();
    }

    /** Sends a join; the caller expects the reply, since a refusal is a reply too. */
    public void requestJoin(String roomId, String displayName, String password, boolean audio, boolean video) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("roomId", roomId);
        body.put("displayName", displayName);
        body.put("password", password);
        body.put("media", Map.of("audio", audio, "video", video));
        send("/app/room.join", body);
    }

    /** Sends an SDP on a link, as the browser's {@code link.sdp}. */
    public void sendDescription(String linkId, String type, String sdp) {
        send("/app/link.sdp", Map.of("linkId", linkId, "description", Map.of("type", type, "sdp", sdp)));
    }

    /** Sends one ICE candidate on a link, as the browser's {@code link.ice}. */
    public void sendCandidate(String linkId, String candidate) {
        send("/app/link.ice", Map.of("linkId", linkId,
                "candidate", Map.of("candidate", candidate, "sdpMid", "0", "sdpMLineIndex", 0)));
    }

    /** Joins and returns the {@code joined} acknowledgement. */
    JsonNode join(String roomId, String displayName, String password, boolean audio, boolean video) {
        requestJoin(roomId, displayName, password, audio, video);
        return next("joined");
    }
}
