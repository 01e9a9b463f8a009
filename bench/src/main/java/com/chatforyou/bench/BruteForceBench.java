package com.chatforyou.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The password brute-force benchmark (docs/benchmarks.md, "Password brute force"): a legitimate user's
 * joins elsewhere, timed without load and then while many connections guess one password-protected room's password,
 * each connection within its own rate limit. Prints both latencies, their ratio against the 2× target,
 * how the guesses were answered, and the load average beside each figure.
 *
 * <p>Usage: {@code ./bench.sh --brute-force [--attackers=30] [--addresses=15] [--seconds=20] [--joins=40]
 * [--set=property=value ...]}.
 * The server trusts 127.0.0.1 as a proxy, so attackers can come from several addresses through
 * {@code X-Forwarded-For} on one loopback interface.
 */
final class BruteForceBench {
    private static final Pattern TYPE = Pattern.compile("\"type\":\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("\"code\":\"([^\"]+)\"");
    private static final Pattern ROOM_ID = Pattern.compile("\"roomId\":\"([^\"]+)\"");

    /** Pause between two timed joins, in the baseline and during the attack alike. */
    private static final long SPACING_MILLIS = 250;

    private BruteForceBench() {
    }

    static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("attackers", "30", "addresses", "15", "seconds", "20",
                "joins", "40", "server-jar", "chat-server/target/chat-server-0.1.0-SNAPSHOT.jar",
                "output", "bench/target/brute-force"));
        Map<String, String> extra = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--set=")) {
                String[] setting = arg.substring("--set=".length()).split("=", 2);
                extra.put(setting[0], setting.length > 1 ? setting[1] : "");
                continue;
            }
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            if (pair.length != 2 || !options.containsKey(pair[0])) {
                System.err.println("Unknown option " + arg + "; known: " + options.keySet());
                System.exit(2);
            }
            options.put(pair[0], pair[1]);
        }
        int attackers = Integer.parseInt(options.get("attackers"));
        int addresses = Integer.parseInt(options.get("addresses"));
        int seconds = Integer.parseInt(options.get("seconds"));
        int joins = Integer.parseInt(options.get("joins"));
        Path output = Path.of(options.get("output"));
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("chatforyou.internet.trusted-proxies", "127.0.0.1");
        properties.put("chatforyou.rooms.max-rooms", Integer.toString(2 * joins + 20));
        // The legitimate user comes back many times; the per-address quotas are not what is measured here.
        properties.put("chatforyou.internet.quotas.rooms-per-address-per-hour", "100000");
        properties.put("chatforyou.internet.quotas.unjoined-rooms-per-address", "100000");
        // The timed user creates, joins and leaves back to back; each guesser paces itself at 4.5 a second,
        // within the default request limit of 5 a second, as the attack in issue 13 did.
        properties.put("chatforyou.limits.requests.rate", "1000");
        properties.put("chatforyou.limits.requests.burst", "1000");
        properties.putAll(extra);
        try (ServerProcess server = ServerProcess.start(Path.of(options.get("server-jar")).toAbsolutePath(),
                List.of("-XX:ActiveProcessorCount=2"), properties, output.resolve("server.log"))) {
            URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/signaling");
            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4, daemon())).build();
            Client host = Client.open(http, uri, "203.0.113.200");
            Client user = Client.open(http, uri, "203.0.113.201");
            String target = host.createRoom("Target", "correct horse battery staple");

            // Warm-up, then the baseline in the same run.
            measure(host, user, 10);
            String loadBefore = BenchReport.loadAverage();
            Latencies unloaded = new Latencies();
            for (int i = 0; i < joins; i++) {
                unloaded.addAll(measure(host, user, 1));
                Thread.sleep(SPACING_MILLIS);
            }

            Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
            List<Client> guessers = new ArrayList<>();
            for (int i = 0; i < attackers; i++) {
                guessers.add(Client.open(http, uri, "198.51.100." + (1 + i % addresses)));
            }
            ScheduledExecutorService pacing = Executors.newScheduledThreadPool(2, daemon());
            AtomicInteger sent = new AtomicInteger();
            // 4.5 guesses a second per connection: within the default 5/s (burst 20) request limit.
            for (int i = 0; i < guessers.size(); i++) {
                Client guesser = guessers.get(i);
                int attacker = i;
                pacing.scheduleAtFixedRate(() -> {
                    sent.incrementAndGet();
                    guesser.send("/app/room.join", "{\"roomId\":\"" + target + "\",\"displayName\":\"G" + attacker + "-"
                            + sent.get() + "\",\"password\":\"guess-" + UUID.randomUUID() + "\"}");
                }, attacker * 7L, 222, TimeUnit.MILLISECONDS);
                guesser.onEvent(event -> answers.computeIfAbsent(codeOf(event), c -> new AtomicInteger()).incrementAndGet());
            }
            Thread.sleep(2000);
            String loadDuring = BenchReport.loadAverage();
            long attackEnds = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            Latencies loaded = new Latencies();
            // Joins spread over the whole attack, spaced as in the baseline.
            while (System.nanoTime() < attackEnds) {
                loaded.addAll(measure(host, user, 1));
                Thread.sleep(SPACING_MILLIS);
            }
            String loadAfter = BenchReport.loadAverage();
            pacing.shutdownNow();
            Thread.sleep(1000);

            double ratio = loaded.median() / unloaded.median();
            StringBuilder report = new StringBuilder();
            report.append("Password brute force: ").append(attackers).append(" connections from ").append(addresses)
                    .append(" addresses guessing one password-protected room, ").append(sent.get()).append(" guesses sent\n");
            report.append(String.format("%-44s %10s %10s %10s  %s%n", "legitimate join elsewhere", "median ms", "p95 ms",
                    "joins", "load average (1/5/15 min)"));
            report.append(String.format("%-44s %10.1f %10.1f %10d  %s%n", "unloaded (baseline, same run)",
                    unloaded.median(), unloaded.p95(), unloaded.count(), loadBefore));
            report.append(String.format("%-44s %10.1f %10.1f %10d  %s .. %s%n", "during the brute force",
                    loaded.median(), loaded.p95(), loaded.count(), loadDuring, loadAfter));
            report.append(String.format("ratio of medians: %.2f (target: at most 2.00) %s%n", ratio,
                    ratio <= 2.0 ? "MET" : "NOT MET"));
            report.append("guesses answered: ").append(new java.util.TreeMap<>(answers)).append('\n');
            report.append("each join: room.create of a fresh room with a password, then room.join with its password, "
                    + "then room.leave (an open room's join is timed the same way, without hashing)\n");
            System.out.print(report);
            Files.createDirectories(output);
            Files.writeString(output.resolve("results.txt"), report.toString());
            System.out.println("Server log: " + output.resolve("server.log").toAbsolutePath());
        }
        System.exit(0);
    }

    /** Times {@code count} joins of fresh password-protected rooms elsewhere: create (by the host), join, leave. */
    private static Latencies measure(Client host, Client user, int count) throws InterruptedException {
        Latencies latencies = new Latencies();
        for (int i = 0; i < count; i++) {
            String room = host.createRoom("Elsewhere", "pa55-" + i);
            long start = System.nanoTime();
            user.send("/app/room.join", "{\"roomId\":\"" + room + "\",\"displayName\":\"User\",\"password\":\"pa55-" + i + "\"}");
            String answer = user.next();
            long took = System.nanoTime() - start;
            if (answer != null && "joined".equals(typeOf(answer))) {
                latencies.add(took / 1e6);
            } else {
                System.out.println("legitimate join not seated: " + answer);
            }
            user.send("/app/room.leave", "{}");
            user.nextOfType("left");
        }
        return latencies;
    }


    private static String typeOf(String event) {
        Matcher matcher = TYPE.matcher(event);
        return matcher.find() ? matcher.group(1) : "";
    }

    private static String codeOf(String event) {
        Matcher code = CODE.matcher(event);
        return code.find() ? code.group(1) : typeOf(event);
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return work -> {
            Thread thread = new Thread(work, "brute-force-bench");
            thread.setDaemon(true);
            return thread;
        };
    }

    private static final class Latencies {
        private final List<Double> millis = Collections.synchronizedList(new ArrayList<>());

        void add(double value) {
            millis.add(value);
        }

        void addAll(Latencies other) {
            millis.addAll(other.millis);
        }

        int count() {
            return millis.size();
        }

        double median() {
            return quantile(0.5);
        }

        double p95() {
            return quantile(0.95);
        }

        private double quantile(double q) {
            List<Double> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
        }
    }

    /** One STOMP connection whose events queue up for the bench to read. */
    private static final class Client implements StompClient.Handler {
        private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
        private final java.util.concurrent.CompletableFuture<Void> ready = new java.util.concurrent.CompletableFuture<>();
        private volatile java.util.function.Consumer<String> listener;
        private StompClient client;

        static Client open(HttpClient http, URI uri, String forwardedFor) throws Exception {
            Client handler = new Client();
            handler.client = StompClient.open(http, uri, handler, Map.of("X-Forwarded-For", forwardedFor))
                    .get(30, TimeUnit.SECONDS);
            handler.client.connect();
            handler.ready.get(30, TimeUnit.SECONDS);
            handler.client.subscribe("/user/queue/events");
            return handler;
        }

        void onEvent(java.util.function.Consumer<String> consumer) {
            listener = consumer;
            events.clear();
        }

        void send(String destination, String body) {
            client.send(destination, body);
        }

        String next() throws InterruptedException {
            return events.poll(30, TimeUnit.SECONDS);
        }

        String nextOfType(String type) throws InterruptedException {
            String event;
            do {
                event = next();
            } while (event != null && !type.equals(typeOf(event)));
            return event;
        }

        String createRoom(String name, String password) throws InterruptedException {
            send("/app/room.create", "{\"name\":\"" + name + "-" + UUID.randomUUID().toString().substring(0, 8)
                    + "\",\"password\":\"" + password + "\"}");
            String created = nextOfType("room-created");
            if (created == null) {
                throw new IllegalStateException("no room-created");
            }
            Matcher id = ROOM_ID.matcher(created);
            id.find();
            return id.group(1);
        }

        @Override
        public void connected(StompClient stomp) {
            ready.complete(null);
        }

        @Override
        public void message(StompClient stomp, String destination, String body) {
            var consumer = listener;
            if (consumer != null) {
                consumer.accept(body);
            } else {
                events.add(body);
            }
        }

        @Override
        public void stompError(StompClient stomp, String message) {
            message(stomp, null, "{\"type\":\"error\",\"code\":\"stomp-error:" + message + "\"}");
        }

        @Override
        public void closed(StompClient stomp, String reason) {
            message(stomp, null, "{\"type\":\"closed\",\"code\":\"closed\"}");
        }
    }
}
