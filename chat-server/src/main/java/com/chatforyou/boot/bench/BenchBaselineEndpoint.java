package com.chatforyou.boot.bench;

import com.chatforyou.adapter.signaling.SignalingDestinations;
import com.chatforyou.domain.model.ChatException;
import com.chatforyou.domain.model.ErrorCode;
import java.security.Principal;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * The benchmark's baseline (see docs/benchmarks.md): a bare STOMP echo and a bare group broadcast on
 * the same endpoint, broker and threads as the real protocol, with no domain behind them. The load
 * tool compares join and chat against these to report our overhead as a ratio. Off unless
 * {@code chatforyou.bench.baseline-endpoint=true}; production servers never expose it.
 */
@Controller
@ConditionalOnProperty(name = "chatforyou.bench.baseline-endpoint", havingValue = "true")
public class BenchBaselineEndpoint {

    /** Group name to the connections (principal names) in it. */
    private final Map<String, Set<String>> groups = new ConcurrentHashMap<>();
    private final Map<String, String> groupOfConnection = new ConcurrentHashMap<>();
    private final SimpMessageSendingOperations messaging;

    public BenchBaselineEndpoint(SimpMessageSendingOperations messaging) {
        this.messaging = messaging;
    }

    /** Answers the caller with what it sent; the baseline for "connect, then the first reply". */
    @MessageMapping("/bench.echo")
    @SendToUser(destinations = SignalingDestinations.EVENTS_QUEUE, broadcast = false)
    public Map<String, Object> echo(@Payload Map<String, Object> body) {
        return Map.of("type", "bench-echo", "echo", body);
    }

    /** Puts the caller in a broadcast group, the baseline's stand-in for a room. */
    @MessageMapping("/bench.group")
    @SendToUser(destinations = SignalingDestinations.EVENTS_QUEUE, broadcast = false)
    public Map<String, Object> joinGroup(@Payload GroupRequest request, Principal connection) {
        if (request.group() == null || request.group().isBlank()) {
            throw new ChatException(ErrorCode.MALFORMED_MESSAGE, "group is required");
        }
        String previous = groupOfConnection.put(connection.getName(), request.group());
        if (previous != null) {
            leaveGroup(previous, connection.getName());
        }
        groups.computeIfAbsent(request.group(), name -> ConcurrentHashMap.newKeySet()).add(connection.getName());
        return Map.of("type", "bench-grouped", "group", request.group());
    }

    /** Sends the text to every connection of the caller's group, the caller included, as chat fans out. */
    @MessageMapping("/bench.broadcast")
    public void broadcast(@Payload BroadcastRequest request, Principal connection) {
        String group = groupOfConnection.get(connection.getName());
        if (group == null) {
            return;
        }
        Map<String, Object> event = Map.of("type", "bench-broadcast", "from", connection.getName(),
                "text", request.text());
        for (String member : groups.getOrDefault(group, Set.of())) {
            messaging.convertAndSendToUser(member, SignalingDestinations.EVENTS_QUEUE, event);
        }
    }

    @EventListener
    public void connectionClosed(SessionDisconnectEvent event) {
        if (event.getUser() != null) {
            String group = groupOfConnection.remove(event.getUser().getName());
            if (group != null) {
                leaveGroup(group, event.getUser().getName());
            }
        }
    }

    private void leaveGroup(String group, String connection) {
        groups.computeIfPresent(group, (name, members) -> {
            members.remove(connection);
            return members.isEmpty() ? null : members;
        });
    }

    public record GroupRequest(String group) {
    }

    public record BroadcastRequest(String text) {
    }
}
