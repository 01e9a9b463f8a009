package com.chatforyou.boot.kurento;

import static org.assertj.core.api.Assertions.fail;

import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import tools.jackson.databind.JsonNode;

/**
 * One browser's STOMP connection for the Kurento tests: its own event queue, kept in arrival order.
 * Waits are generous upper bounds so a broken server fails a test instead of hanging it.
 */
final class StompTestClient implements AutoCloseable {
    private static final long WAIT_SECONDS = 30;

    private final StompSession session;
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();

    private StompTestClient(int port) throws Exception {
        WebSocketContainer container = ContainerProvider.getWebSocketContainer();
        container.setDefaultMaxTextMessageBufferSize(256 * 1024);
        WebSocketStompClient stomp = new WebSocketStompClient(new StandardWebSocketClient(container));
        stomp.setMessageConverter(new JacksonJsonMessageConverter());
        stomp.setInboundMessageSizeLimit(256 * 1024);
        stomp.setDefaultHeartbeat(new long[] {0, 0});
        session = stomp.connectAsync("ws://localhost:" + port + "/signaling", new StompSessionHandlerAdapter() {
        }).get(WAIT_SECONDS, TimeUnit.SECONDS);
        session.subscribe("/user/queue/events", new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return JsonNode.class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                events.add((JsonNode) payload);
            }
        });
    }

    static StompTestClient connect(int port) throws Exception {
        return new StompTestClient(port);
    }

    void send(String destination, Object body) {
        session.send(destination, body);
    }

    String createRoom(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("capacity", null);
        body.put("password", null);
        send("/app/room.create", body);
        return nextOfType("room-created").at("/room/roomId").asString();
    }

    void requestJoin(String roomId, String displayName, boolean audio, boolean video) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("roomId", roomId);
        body.put("displayName", displayName);
        body.put("password", null);
        body.put("media", Map.of("audio", audio, "video", video));
        send("/app/room.join", body);
    }

    void sendDescription(String linkId, String type, String sdp) {
        send("/app/link.sdp", Map.of("linkId", linkId, "description", Map.of("type", type, "sdp", sdp)));
    }

    void sendCandidate(String linkId, String candidate) {
        send("/app/link.ice", Map.of("linkId", linkId,
                "candidate", Map.of("candidate", candidate, "sdpMid", "0", "sdpMLineIndex", 0)));
    }

    /** The next event of this type, skipping everything before it. */
    JsonNode nextOfType(String type) {
        return take(event -> type.equals(event.path("type").asString()), "an event of type " + type);
    }

    JsonNode take(Predicate<JsonNode> wanted, String what) {
        List<JsonNode> skipped = new ArrayList<>();
        try {
            while (true) {
                JsonNode next = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
                if (next == null) {
                    return fail("Waited for %s; nothing more arrived. Skipped: %s", what, skipped);
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

    @Override
    public void close() {
        if (session.isConnected()) {
            session.disconnect();
        }
    }
}
