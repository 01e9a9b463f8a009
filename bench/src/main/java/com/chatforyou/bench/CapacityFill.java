package com.chatforyou.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills a server to its participant cap and shows what happens next: participants join rooms of six with audio
 * (so media links open) and fill each room's chat history with messages at the length limit, the worst case
 * the derived cap budgets for, until a join is refused. Then one more
 * connection must be refused with {@code server-full} as well, and the server must still answer: a chat
 * round in the first room, and readiness 200. It never asserts a duration. Used by the small-heap test
 * (SmallHeapCapacityIT) and by the container check (deploy/container-check.sh).
 *
 * <pre>java -cp bench/target/bench-0.1.0-SNAPSHOT.jar com.chatforyou.bench.CapacityFill http://127.0.0.1:PORT [max]</pre>
 * Prints {@code joined=N refused=server-full alive=true} and exits 0 when all of that held, 1 otherwise.
 */
public final class CapacityFill {
    static final int ROOM_SIZE = 6;
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** At the chat length limit (docs/operations.md). */
    private static final String LONG_TEXT = "m".repeat(1000);
    /** Six members sending this many fill a room's chat history (100 messages), within the chat burst of 20. */
    static final int CHATS_PER_MEMBER = 17;

    /** What the fill saw; {@code alive} means the server answered after the refusal. */
    record Result(int joined, String refusal, boolean alive, List<String> problems) {
        boolean held() {
            return "server-full".equals(refusal) && alive && problems.isEmpty();
        }

        String summary() {
            return "joined=" + joined + " refused=" + refusal + " alive=" + alive
                    + (problems.isEmpty() ? "" : " problems=" + problems);
        }
    }

    private final URI base;
    private final HttpClient http;
    private final List<Member> members = new ArrayList<>();
    private final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
    /** The room of the first refused join: it still has seats, so only the server's cap refuses. */
    private String roomWithSeats;

    CapacityFill(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "capacity-fill");
            thread.setDaemon(true);
            return thread;
        })).connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("Usage: CapacityFill http://127.0.0.1:PORT [max-participants-to-try]");
            System.exit(2);
        }
        int max = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Result result = new CapacityFill(URI.create(args[0])).run(max);
        System.out.println(result.summary());
        System.exit(result.held() ? 0 : 1);
    }

    /** Joins until refused (or {@code max} joined), then checks the refusal of one more and that the server answers. */
    Result run(int max) throws Exception {
        String refusal = null;
        try {
            while (refusal == null && members.size() < max) {
                refusal = fillOneRoom(Math.min(ROOM_SIZE, max - members.size()));
            }
            int joined = (int) members.stream().filter(member -> member.joined).count();
            if (refusal == null) {
                problems.add("no refusal after " + joined + " joined");
            } else if (refusal.equals("server-full")) {
                String next = oneMoreJoin();
                if (!next.equals("server-full")) {
                    problems.add("the next join after the cap got " + next);
                }
            }
            boolean alive = chatStillWorks() && ready();
            synchronized (problems) {
                return new Result(joined, refusal, alive, List.copyOf(problems));
            }
        } finally {
            members.forEach(member -> member.client.close());
        }
    }

    /** Creates a room and joins up to six into it; returns the refusal code if one was refused. */
    private String fillOneRoom(int size) throws Exception {
        Member creator = connect();
        creator.client.send("/app/room.create", "{\"name\":\"fill-" + members.size() + "\",\"capacity\":" + ROOM_SIZE
                + ",\"password\":null}");
        JsonNode created = creator.nextOfType("room-created", "error");
        if (created.path("type").asString().equals("error")) {
            creator.client.close();
            return created.path("code").asString();
        }
        String roomId = created.at("/room/roomId").asString();
        List<Member> room = new ArrayList<>(List.of(creator));
        for (int i = 1; i < size; i++) {
            room.add(connect());
        }
        room.forEach(member -> member.join(roomId));
        String refusal = null;
        for (Member member : room) {
            JsonNode answer = member.nextOfType("joined", "error");
            members.add(member);
            if (answer.path("type").asString().equals("joined")) {
                member.joined = true;
                member.roomId = roomId;
            } else {
                refusal = answer.path("code").asString();
                roomWithSeats = roomId;
            }
        }
        for (int i = 0; i < CHATS_PER_MEMBER; i++) {
            for (Member member : room) {
                if (member.joined) {
                    member.client.send("/app/chat.send",
                            "{\"roomId\":\"" + roomId + "\",\"text\":\"" + LONG_TEXT + "\"}");
                }
            }
        }
        return refusal;
    }

    private String oneMoreJoin() throws Exception {
        Member late = connect();
        members.add(late);
        late.join(roomWithSeats);
        JsonNode answer = late.nextOfType("joined", "error");
        return answer.path("type").asString().equals("joined") ? "joined" : answer.path("code").asString();
    }

    /** Someone in the first room chats; everyone else there receives it. */
    private boolean chatStillWorks() throws Exception {
        List<Member> firstRoom = members.stream().filter(member -> member.joined)
                .filter(member -> member.roomId.equals(members.get(0).roomId)).toList();
        if (firstRoom.isEmpty()) {
            problems.add("nobody joined");
            return false;
        }
        firstRoom.forEach(member -> member.events.clear());
        firstRoom.get(0).client.send("/app/chat.send",
                "{\"roomId\":\"" + firstRoom.get(0).roomId + "\",\"text\":\"still here\"}");
        for (Member member : firstRoom) {
            JsonNode chat = member.nextMatching(event -> event.path("type").asString().equals("chat")
                    && event.at("/message/text").asString().equals("still here"));
            if (chat == null) {
                problems.add("the chat after the cap did not reach everyone in the room");
                return false;
            }
        }
        return true;
    }

    private boolean ready() throws Exception {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(base.resolve("/actuator/health/readiness"))
                .timeout(WAIT).GET().build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            problems.add("readiness answered " + response.statusCode());
            return false;
        }
        return true;
    }

    private Member connect() throws Exception {
        Member member = new Member();
        URI signaling = URI.create(base.toString().replaceFirst("^http", "ws") + "/signaling");
        member.client = StompClient.open(http, signaling, member).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        member.client.connect();
        member.connected.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return member;
    }

    /** One connection; its events are queued for the fill to read. */
    private final class Member implements StompClient.Handler {
        final CompletableFuture<Void> connected = new CompletableFuture<>();
        final java.util.concurrent.LinkedBlockingQueue<JsonNode> events = new java.util.concurrent.LinkedBlockingQueue<>();
        volatile StompClient client;
        volatile boolean joined;
        volatile String roomId;

        void join(String room) {
            client.send("/app/room.join", "{\"roomId\":\"" + room + "\",\"displayName\":\"P" + members.size()
                    + "-" + System.identityHashCode(this) + "\",\"password\":null,\"media\":{\"audio\":true,\"video\":false}}");
        }

        JsonNode nextOfType(String... types) throws InterruptedException {
            JsonNode found = nextMatching(event -> List.of(types).contains(event.path("type").asString()));
            if (found == null) {
                throw new IllegalStateException("No " + String.join(" or ", types) + " within " + WAIT);
            }
            return found;
        }

        JsonNode nextMatching(java.util.function.Predicate<JsonNode> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (event != null && wanted.test(event)) {
                    return event;
                }
            }
            return null;
        }

        @Override
        public void connected(StompClient connection) {
            connection.subscribe(SimulatedParticipant.EVENTS);
            connected.complete(null);
        }

        @Override
        public void message(StompClient connection, String destination, String body) {
            if (body.contains(LONG_TEXT)) {
                return; // the fill's own chat: only the server's memory is of interest
            }
            JsonNode event = JSON.readTree(body);
            if (event.path("type").asString().equals("error") && !event.path("destination").asString().endsWith("join")
                    && !event.path("destination").asString().endsWith("create")) {
                problems.add("error " + event.path("code").asString() + " on " + event.path("destination").asString());
            }
            events.add(event);
        }

        @Override
        public void stompError(StompClient connection, String message) {
            problems.add("STOMP ERROR: " + message);
        }

        @Override
        public void closed(StompClient connection, String reason) {
            if (!connected.isDone()) {
                connected.completeExceptionally(new IllegalStateException("closed before CONNECTED: " + reason));
            }
        }
    }
}
