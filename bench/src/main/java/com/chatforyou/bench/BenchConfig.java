package com.chatforyou.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's parameters. Defaults hit the targets of docs/benchmarks.md: 2,000 participants in
 * 400 rooms of 5.
 */
record BenchConfig(
        int participants,
        int roomSize,
        int messagesPerParticipant,
        int joinsPerSecond,
        int warmupParticipants,
        int lobbyWatchers,
        int phaseTimeoutSeconds,
        int quietSeconds,
        int clientThreads,
        Path serverJar,
        Path outputDir,
        List<String> serverJvmOptions,
        Map<String, String> serverProperties) {

    static final String USAGE = """
            Usage: ./bench.sh [--name=value ...]
              --participants=2000        simulated participants (STOMP clients, no browser, no media)
              --room-size=5              participants per room (mesh allows at most 8)
              --messages=10              chat messages each participant sends
              --join-rate=200            new connections per second in the connect and join phases
              --warmup=200               participants in an unmeasured warm-up round first (0: none)
              --lobby-watchers=0         how many participants also subscribe to /topic/lobby
              --phase-timeout=180        seconds a phase may take before what is missing counts as failed
              --quiet=SECONDS            seconds a phase's count may stand still, once it has moved, before
                                         what is missing counts as missing (default: 10, or one per 100
                                         participants if more); before the first arrival, --phase-timeout
              --client-threads=4         threads of the load tool's WebSocket clients
              --server-jar=PATH          default chat-server/target/chat-server-0.1.0-SNAPSHOT.jar
              --output=DIR               where results.json, results.csv and server.log go (default bench/target/results)
              --server-jvm=OPTION        extra JVM option for the server (repeatable)
              --server-prop=NAME=VALUE   extra server property (repeatable), e.g. a raised rate limit
            """;

    static BenchConfig defaults() {
        return new BenchConfig(2000, 5, 10, 200, 200, 0, 180, quietFor(2000), 4,
                Path.of("chat-server/target/chat-server-0.1.0-SNAPSHOT.jar"), Path.of("bench/target/results"),
                List.of(), Map.of());
    }

    static BenchConfig parse(String[] args) {
        BenchConfig config = defaults();
        List<String> jvm = new ArrayList<>();
        Map<String, String> props = new LinkedHashMap<>();
        int participants = config.participants;
        int roomSize = config.roomSize;
        int messages = config.messagesPerParticipant;
        int joinRate = config.joinsPerSecond;
        int warmup = config.warmupParticipants;
        int lobby = config.lobbyWatchers;
        int timeout = config.phaseTimeoutSeconds;
        Integer quiet = null;
        int threads = config.clientThreads;
        Path jar = config.serverJar;
        Path output = config.outputDir;
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new IllegalArgumentException(USAGE);
            }
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("Not --name=value: " + arg + "\n" + USAGE);
            }
            String name = arg.substring(2, equals);
            String value = arg.substring(equals + 1);
            switch (name) {
                case "participants" -> participants = positive(name, value);
                case "room-size" -> roomSize = positive(name, value);
                case "messages" -> messages = positive(name, value);
                case "join-rate" -> joinRate = positive(name, value);
                case "warmup" -> warmup = Integer.parseInt(value);
                case "lobby-watchers" -> lobby = Integer.parseInt(value);
                case "phase-timeout" -> timeout = positive(name, value);
                case "quiet" -> quiet = positive(name, value);
                case "client-threads" -> threads = positive(name, value);
                case "server-jar" -> jar = Path.of(value);
                case "output" -> output = Path.of(value);
                case "server-jvm" -> jvm.add(value);
                case "server-prop" -> {
                    int split = value.indexOf('=');
                    if (split <= 0) {
                        throw new IllegalArgumentException("--server-prop needs NAME=VALUE: " + value);
                    }
                    props.put(value.substring(0, split), value.substring(split + 1));
                }
                default -> throw new IllegalArgumentException("Unknown option --" + name + "\n" + USAGE);
            }
        }
        if (roomSize < 2) {
            throw new IllegalArgumentException("--room-size must be at least 2");
        }
        return new BenchConfig(participants, roomSize, messages, joinRate, warmup, lobby, timeout,
                quiet != null ? quiet : quietFor(participants), threads,
                jar, output, List.copyOf(jvm), Map.copyOf(props));
    }

    /**
     * The default stand-still window: 10 s, or a second per 100 participants. With thousands of participants
     * on two busy cores the first answers of a phase can take longer than 10 s, which ended the negotiation
     * phase at 5,000 with nothing counted while the server was still relaying.
     */
    static int quietFor(int participants) {
        return Math.max(10, participants / 100);
    }

    private static int positive(String name, String value) {
        int parsed = Integer.parseInt(value);
        if (parsed <= 0) {
            throw new IllegalArgumentException("--" + name + " must be positive");
        }
        return parsed;
    }

    int rooms() {
        return (participants + roomSize - 1) / roomSize;
    }
}
