package com.chatforyou.bench;

import com.chatforyou.bench.SimulatedParticipant.Kind;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * One benchmark run, phase by phase, against a server it starts itself:
 * warm-up, idle heap, bare sessions (baseline latency, heap and broadcast), rooms, joins (latency and
 * heap), media-link negotiation, chat. Every phase records the server's and the tool's CPU time.
 */
final class BenchRun implements AutoCloseable {

    /** How long a count may stand still before what is missing is counted as missing. */
    private static final Duration QUIET = Duration.ofSeconds(10);

    private final BenchConfig config;
    private final ExecutorService clientThreads;
    private final HttpClient[] httpClients;
    private ServerProcess server;
    private URI uri;
    private volatile DeliveryLedger ledger;

    final LongAdder linkOpens = new LongAdder();
    final LongAdder candidatesReceived = new LongAdder();
    final LongAdder signalsSent = new LongAdder();
    final LongAdder lobbyListsReceived = new LongAdder();
    final Queue<Long> negotiationNanos = new ConcurrentLinkedQueue<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, String> errorExamples = new ConcurrentHashMap<>();

    private final BenchReport report;

    BenchRun(BenchConfig config) {
        this.config = config;
        this.report = new BenchReport(config);
        this.clientThreads = Executors.newFixedThreadPool(config.clientThreads(), runnable -> {
            Thread thread = new Thread(runnable, "bench-client");
            thread.setDaemon(true);
            return thread;
        });
        this.httpClients = new HttpClient[2];
        for (int i = 0; i < httpClients.length; i++) {
            httpClients[i] = HttpClient.newBuilder().executor(clientThreads)
                    .connectTimeout(Duration.ofSeconds(10)).build();
        }
    }

    HttpClient http(int index) {
        return httpClients[index % httpClients.length];
    }

    URI uri() {
        return uri;
    }

    DeliveryLedger ledger() {
        return ledger;
    }

    void countError(String code, String where) {
        errors.computeIfAbsent(code, c -> new LongAdder()).increment();
        errorExamples.putIfAbsent(code, String.valueOf(where));
    }

    BenchReport execute() throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("chatforyou.bench.baseline-endpoint", "true");
        int warmupRooms = (config.warmupParticipants() + config.roomSize() - 1) / config.roomSize();
        properties.put("chatforyou.rooms.max-rooms", Integer.toString(config.rooms() + warmupRooms + 10));
        properties.put("chatforyou.rooms.abandoned-room-timeout", "10m");
        properties.put("chatforyou.rooms.max-participants",
                Integer.toString(config.participants() + config.warmupParticipants() + 10));
        // Per-connection rate limits stop one abusive client; here one connection creates every room and
        // each participant chats as fast as it can, which measures the server, not the limits.
        for (String bucket : List.of("chat", "negotiation", "requests")) {
            properties.put("chatforyou.limits." + bucket + ".rate", "100000");
            properties.put("chatforyou.limits." + bucket + ".burst", "100000");
        }
        // Every simulated participant connects from 127.0.0.1: the per-address quotas would take the
        // whole load for one client (the brute-force benchmark measures those limits instead).
        properties.put("chatforyou.internet.quotas.connections-per-address", "1000000");
        properties.put("chatforyou.internet.quotas.rooms-per-address-per-hour", "1000000");
        properties.put("chatforyou.internet.quotas.unjoined-rooms-per-address", "1000000");
        properties.putAll(config.serverProperties());
        report.serverProperties(properties);
        report.figure("load_average_at_start", BenchReport.loadAverage());
        server = ServerProcess.start(config.serverJar().toAbsolutePath(), config.serverJvmOptions(), properties,
                config.outputDir().resolve("server.log"));
        uri = URI.create("ws://127.0.0.1:" + server.port() + "/signaling");
        System.out.printf("Server pid %d on %s%n", server.pid(), uri);

        if (config.warmupParticipants() > 0) {
            phase("warm-up", () -> warmUp(config.warmupParticipants()));
        }
        ServerProcess.Heap idle = heap("idle server");

        List<SimulatedParticipant> bare = phase("baseline-connect",
                () -> connectAll(config.participants(), Kind.BARE, null, "baseline_latency"));
        ServerProcess.Heap bareHeap = heap("bare sessions");
        phase("baseline-broadcast", () -> broadcast(bare, "baseline_broadcast"));
        phase("baseline-disconnect", () -> closeAll(bare));

        List<String> roomIds = phase("create-rooms", () -> createRooms("bench", config.rooms()));
        List<SimulatedParticipant> members = phase("join",
                () -> connectAll(config.participants(), Kind.MEMBER, roomIds, "join_latency"));
        phase("links-open", () -> awaitLinkOpens(members));
        ServerProcess.Heap joinedHeap = heap("joined participants");
        phase("negotiate", () -> negotiate(members));
        phase("chat", () -> broadcast(members, "chat"));

        report.heap(idle, bareHeap, joinedHeap, countReady(bare), countReady(members));
        report.errors(snapshotErrors(), errorExamples);
        report.figure("lobby_lists_received", lobbyListsReceived.sum());
        phase("leave", () -> closeAll(members));
        return report;
    }

    // ---- phases ----

    private Void warmUp(int participants) throws Exception {
        List<SimulatedParticipant> bare = connectAll(participants, Kind.BARE, null, null);
        broadcast(bare, null);
        closeAll(bare);
        int rooms = (participants + config.roomSize() - 1) / config.roomSize();
        List<String> roomIds = createRooms("warmup", rooms);
        List<SimulatedParticipant> members = connectAll(participants, Kind.MEMBER, roomIds, null);
        awaitLinkOpens(members);
        negotiate(members);
        broadcast(members, null);
        closeAll(members);
        linkOpens.reset();
        candidatesReceived.reset();
        signalsSent.reset();
        negotiationNanos.clear();
        errors.clear();
        errorExamples.clear();
        Thread.sleep(2000);
        return null;
    }

    /**
     * Opens {@code count} connections at the configured rate (an open arrival process, so latency is
     * measured under load rather than as one burst) and waits for each one's first answer.
     */
    private List<SimulatedParticipant> connectAll(int count, Kind kind, List<String> roomIds, String figure)
            throws InterruptedException {
        List<SimulatedParticipant> participants = new ArrayList<>(count);
        long intervalNanos = 1_000_000_000L / config.joinsPerSecond();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int room = i / config.roomSize();
            SimulatedParticipant participant = new SimulatedParticipant(i, room, kind, this,
                    i < config.lobbyWatchers(), roomIds == null ? null : roomIds.get(room));
            participants.add(participant);
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            participant.start();
        }
        long[] latencies = awaitReady(participants);
        if (figure != null) {
            report.latency(figure, latencies, count);
        }
        return participants;
    }

    private long[] awaitReady(List<SimulatedParticipant> participants) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.phaseTimeoutSeconds());
        List<Long> latencies = new ArrayList<>(participants.size());
        for (SimulatedParticipant participant : participants) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                latencies.add(participant.ready.get(left, TimeUnit.NANOSECONDS));
            } catch (ExecutionException refused) {
                // Counted through the error it came with.
            } catch (TimeoutException late) {
                countError("no-answer", "participant " + participant.index);
            }
        }
        return latencies.stream().mapToLong(Long::longValue).toArray();
    }

    private List<String> createRooms(String prefix, int rooms) throws Exception {
        RoomCreator creator = new RoomCreator(rooms);
        StompClient client = StompClient.open(http(0), uri, creator).get(30, TimeUnit.SECONDS);
        client.connect();
        creator.connected.get(30, TimeUnit.SECONDS);
        for (int i = 0; i < rooms; i++) {
            client.send("/app/room.create", "{\"name\":\"" + prefix + "-" + i + "\",\"capacity\":"
                    + config.roomSize() + ",\"password\":null}");
        }
        List<String> ids = creator.all.get(config.phaseTimeoutSeconds(), TimeUnit.SECONDS);
        client.close();
        return ids;
    }

    /** With everyone sending audio, each ordered pair in a room is a link, announced to both ends. */
    private Void awaitLinkOpens(List<SimulatedParticipant> members) throws InterruptedException {
        Map<Integer, Long> perRoom = members.stream().filter(BenchRun::isReady)
                .collect(Collectors.groupingBy(p -> p.room, Collectors.counting()));
        long expected = perRoom.values().stream().mapToLong(n -> n * (n - 1) * 2).sum();
        awaitCount(linkOpens::sum, () -> expected);
        report.figure("links_opened", linkOpens.sum() / 2);
        report.figure("links_expected", expected / 2);
        return null;
    }

    /** Each offering end offers; the answering end answers and trickles; the offerer trickles back. */
    private Void negotiate(List<SimulatedParticipant> members) throws InterruptedException {
        long offers = 0;
        for (SimulatedParticipant member : members) {
            if (isReady(member)) {
                offers += member.offerOnLinks();
            }
        }
        long links = offers;
        awaitCount(() -> negotiationNanos.size() + candidatesReceived.sum(), () -> links * 5);
        report.figure("links_negotiated", negotiationNanos.size());
        report.figure("negotiation_signals_sent", signalsSent.sum());
        report.figure("negotiation_candidates_received", candidatesReceived.sum());
        report.latency("negotiation_round_trip",
                negotiationNanos.stream().mapToLong(Long::longValue).toArray(), (int) links);
        return null;
    }

    /** Chat (members) or the bare broadcast (baseline): everyone sends, everyone in the room receives. */
    private Void broadcast(List<SimulatedParticipant> senders, String figure) throws Exception {
        List<SimulatedParticipant> ready = senders.stream().filter(BenchRun::isReady).toList();
        BitSet counted = new BitSet(senders.size());
        ready.forEach(participant -> counted.set(participant.index));
        DeliveryLedger deliveries = new DeliveryLedger(senders.size(), config.roomSize(), counted);
        ledger = deliveries;
        if (!ready.isEmpty() && ready.get(0).isBare()) {
            ready.forEach(SimulatedParticipant::joinGroup);
            for (SimulatedParticipant participant : ready) {
                participant.grouped.get(config.phaseTimeoutSeconds(), TimeUnit.SECONDS);
            }
        }
        Map<Integer, Long> roomSizes = ready.stream()
                .collect(Collectors.groupingBy(p -> p.room, Collectors.counting()));
        for (int seq = 1; seq <= config.messagesPerParticipant(); seq++) {
            deliveries.sending(ready.size());
            for (SimulatedParticipant participant : ready) {
                participant.chat(seq);
            }
        }
        LongSupplier expected = () -> ready.stream()
                .mapToLong(p -> (config.messagesPerParticipant() - p.chatRefused) * roomSizes.get(p.room)).sum();
        awaitCount(deliveries::delivered, expected);
        if (figure != null) {
            report.deliveries(figure, deliveries, expected.getAsLong());
        }
        return null;
    }

    private Void closeAll(List<SimulatedParticipant> participants) throws InterruptedException {
        participants.forEach(SimulatedParticipant::leaveAndClose);
        // The server handles the closes asynchronously; let it finish before the next measurement.
        Thread.sleep(3000);
        return null;
    }

    // ---- measurement helpers ----

    private static boolean isReady(SimulatedParticipant participant) {
        return participant.ready.isDone() && !participant.ready.isCompletedExceptionally();
    }

    private static int countReady(List<SimulatedParticipant> participants) {
        return (int) participants.stream().filter(BenchRun::isReady).count();
    }

    /** Waits until the count reaches what is expected, or stands still for {@link #QUIET}. */
    private void awaitCount(LongSupplier current, LongSupplier expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.phaseTimeoutSeconds());
        long last = -1;
        long lastChange = System.nanoTime();
        while (current.getAsLong() < expected.getAsLong() && System.nanoTime() < deadline) {
            long now = current.getAsLong();
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > QUIET.toNanos()) {
                return;
            }
            Thread.sleep(20);
        }
    }

    private ServerProcess.Heap heap(String what) throws Exception {
        ServerProcess.Heap heap = server.liveHeap();
        System.out.printf("Live heap, %s: %,d KB%n", what, heap.liveBytes() / 1024);
        return heap;
    }

    private interface PhaseBody<T> {
        T run() throws Exception;
    }

    private <T> T phase(String name, PhaseBody<T> body) throws Exception {
        System.out.printf("Phase %s ...%n", name);
        Duration serverCpu = server.cpuTime();
        long clientCpu = clientCpuNanos();
        long start = System.nanoTime();
        T result = body.run();
        report.phase(name, (System.nanoTime() - start) / 1e9,
                server.cpuTime().minus(serverCpu).toNanos() / 1e9, (clientCpuNanos() - clientCpu) / 1e9);
        return result;
    }

    private static long clientCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private Map<String, Long> snapshotErrors() {
        Map<String, Long> snapshot = new LinkedHashMap<>();
        errors.keySet().stream().sorted().forEach(code -> snapshot.put(code, errors.get(code).sum()));
        return snapshot;
    }

    @Override
    public void close() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            clientThreads.shutdownNow();
        }
    }

    /** Creates the rooms over one connection; the replies come back in the order of the requests. */
    private final class RoomCreator implements StompClient.Handler {
        final CompletableFuture<Void> connected = new CompletableFuture<>();
        final CompletableFuture<List<String>> all = new CompletableFuture<>();
        private final List<String> ids = new ArrayList<>();
        private final int wanted;

        RoomCreator(int wanted) {
            this.wanted = wanted;
        }

        @Override
        public void connected(StompClient client) {
            client.subscribe(SimulatedParticipant.EVENTS);
            connected.complete(null);
        }

        @Override
        public void message(StompClient client, String destination, String body) {
            if (body.contains("\"room-created\"")) {
                int at = body.indexOf("\"roomId\":\"") + 10;
                ids.add(body.substring(at, body.indexOf('"', at)));
            } else if (body.contains("\"error\"")) {
                all.completeExceptionally(new IllegalStateException("Creating rooms failed: " + body));
            }
            if (ids.size() == wanted) {
                all.complete(List.copyOf(ids));
            }
        }

        @Override
        public void stompError(StompClient client, String message) {
            all.completeExceptionally(new IllegalStateException("STOMP error: " + message));
        }

        @Override
        public void closed(StompClient client, String reason) {
            all.completeExceptionally(new IllegalStateException("Room creator connection " + reason));
        }
    }
}
