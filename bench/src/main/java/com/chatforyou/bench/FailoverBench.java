package com.chatforyou.bench;

import com.chatforyou.adapter.media.janus.JanusProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The failover benchmark (docs/benchmarks.md, {@code ./bench.sh failover}): two headless Chromium pages
 * in a call on a pool of two real Janus servers; the Janus hosting the call is killed (SIGKILL), or frozen
 * (SIGSTOP) with {@code --fault freeze}, and the time until both pages present a frame of new video
 * (through the other Janus) is measured, several times. The baseline, measured in the same run on the same pool: join click to first remote frame.
 * It runs in a network namespace made by bench.sh, whose private interface leads nowhere.
 */
public final class FailoverBench {

    record Options(int repetitions, boolean freeze, String checkInterval, String failoverAfter, Path serverJar,
                   Path output) {
        static Options parse(String[] args) {
            int repetitions = 3;
            boolean freeze = false;
            String check = "1s";
            String failover = "3s";
            Path jar = Path.of("chat-server/target/chat-server-0.1.0-SNAPSHOT.jar");
            Path output = Path.of("bench/target/failover");
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--repetitions" -> repetitions = Integer.parseInt(args[++i]);
                    case "--fault" -> freeze = switch (args[++i]) {
                        case "kill" -> false;
                        case "freeze" -> true;
                        default -> throw new IllegalArgumentException("--fault is kill or freeze");
                    };
                    case "--check-interval" -> check = args[++i];
                    case "--failover-after" -> failover = args[++i];
                    case "--server-jar" -> jar = Path.of(args[++i]);
                    case "--output" -> output = Path.of(args[++i]);
                    case "--help" -> {
                        System.out.println("./bench.sh failover [--repetitions N (3)] [--fault kill|freeze (kill)]"
                                + " [--check-interval D (1s)] [--failover-after D (3s)]   (D as the server's durations:"
                                + " 500ms, 3s)\n  kill: SIGKILL, the connection to Janus closes at once;"
                                + " freeze: SIGSTOP, Janus keeps its sockets and answers nothing (a hung server)");
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("Unknown option " + args[i] + "; see --help");
                }
            }
            if (repetitions < 1) {
                throw new IllegalArgumentException("Need at least 1 repetition");
            }
            return new Options(repetitions, freeze, check, failover, jar, output);
        }
    }

    /**
     * Installed before the app's scripts: the wall-clock time (Date.now(), the same clock as the bench's)
     * of the first frame presented for each remote video track a page shows.
     */
    static final String TRACK_PROBE = """
            (() => {
              const firsts = window.__firstFrameOfTrack = {};
              const watching = new WeakMap();
              // By track object, not track.id: Janus gives every subscription the same track ids.
              const serials = new WeakMap();
              let next = 0;
              setInterval(() => {
                for (const video of document.querySelectorAll('video')) {
                  if (video.id === 'local-video' || !video.srcObject) continue;
                  const track = video.srcObject.getVideoTracks()[0];
                  if (!track) continue;
                  if (!serials.has(track)) serials.set(track, 'track-' + (next++));
                  const id = serials.get(track);
                  if (watching.get(video) === id) continue;
                  watching.set(video, id);
                  video.requestVideoFrameCallback(() => { if (!(id in firsts)) firsts[id] = Date.now(); });
                }
              }, 5);
            })();
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Files.createDirectories(options.output());
        String loadAtStart = BenchReport.loadAverage();
        JanusProcess first = JanusProcess.running();
        JanusProcess second = JanusProcess.runningWithTheSecretsOf(first);
        List<JanusProcess> janus = List.of(first, second);
        List<ChromeDriver> browsers = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start(options.serverJar().toAbsolutePath(), List.of(),
                properties(options, janus), options.output().resolve("server.log"))) {
            for (int i = 0; i < 2; i++) {
                ChromeDriver browser = MediaPages.launch();
                browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", TRACK_PROBE));
                browsers.add(browser);
            }
            String base = "http://127.0.0.1:" + server.port() + "/";
            awaitAllUp(server.port(), janus);
            call(browsers, base, "failover-warm-up"); // warms the browsers, the server and both Janus up
            MediaPages.leaveAll(browsers);
            List<Double> joins = new ArrayList<>();
            List<Double> failovers = new ArrayList<>();
            List<String> loads = new ArrayList<>();
            for (int round = 1; round <= options.repetitions(); round++) {
                joins.add(call(browsers, base, "failover-" + round));
                JanusProcess host = hostOfTheCall(server.port(), janus);
                List<Set<String>> before = new ArrayList<>();
                for (ChromeDriver page : browsers) {
                    before.add(tracksSeen(page).keySet());
                }
                loads.add(BenchReport.loadAverage());
                long killedAt = System.currentTimeMillis();
                if (options.freeze()) {
                    host.freeze();
                } else {
                    host.kill();
                }
                double back = 0;
                for (int i = 0; i < browsers.size(); i++) {
                    ChromeDriver page = browsers.get(i);
                    Set<String> old = before.get(i);
                    long firstNewFrame = MediaPages.await("a frame of new video after the kill", () -> {
                        Map<String, Long> seen = tracksSeen(page);
                        return seen.entrySet().stream().filter(e -> !old.contains(e.getKey()))
                                .map(Map.Entry::getValue).min(Long::compare).orElse(null);
                    });
                    back = Math.max(back, (firstNewFrame - killedAt) / 1000.0);
                }
                failovers.add(back);
                MediaPages.leaveAll(browsers);
                host.kill(); // a frozen one too, so that each repetition starts from a fresh Janus
                host.start();
                awaitAllUp(server.port(), janus);
            }
            report(options, loadAtStart, BenchReport.loadAverage(), loads, joins, failovers);
        } finally {
            for (ChromeDriver browser : browsers) {
                browser.quit();
            }
            janus.forEach(JanusProcess::close);
        }
    }

    private static Map<String, String> properties(Options options, List<JanusProcess> janus) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("chatforyou.media.backend", "janus");
        properties.put("chatforyou.media.janus.urls", janus.stream().map(JanusProcess::url).collect(Collectors.joining(",")));
        properties.put("chatforyou.media.janus.admin-urls",
                janus.stream().map(JanusProcess::adminUrl).collect(Collectors.joining(",")));
        properties.put("chatforyou.media.janus.api-secret", janus.get(0).apiSecret());
        properties.put("chatforyou.media.janus.room-admin-key", janus.get(0).roomAdminKey());
        properties.put("chatforyou.media.janus.admin-secret", janus.get(0).adminSecret());
        properties.put("chatforyou.media.pool.check-interval", options.checkInterval());
        properties.put("chatforyou.media.pool.failover-after", options.failoverAfter());
        properties.put("chatforyou.rooms.reconnect-grace", "0s");
        properties.put("management.endpoints.web.exposure.include", "health,mediaservers");
        return properties;
    }

    /**
     * P0 creates the room, P1 joins it by its invite link, both through the pre-join screen as the media
     * benchmark's participants do: P1's join click to its first remote frame, in ms.
     */
    private static double call(List<ChromeDriver> browsers, String base, String room) throws Exception {
        ChromeDriver creator = browsers.get(0);
        MediaBench.create(creator, base, room, "P0");
        String invite = (String) MediaPages.script(creator, "return window.chatForYou.inviteUrl();");
        double joined = 0;
        for (int i = 1; i < browsers.size(); i++) {
            joined = MediaBench.joinByInvite(browsers.get(i), invite, "P" + i, false, List.of()).firstFrame();
        }
        for (ChromeDriver page : browsers) {
            MediaPages.await("video from the other page", () -> tracksSeen(page).isEmpty() ? null : true);
        }
        return joined;
    }


    @SuppressWarnings("unchecked")
    private static Map<String, Long> tracksSeen(ChromeDriver page) {
        Map<String, Object> seen = (Map<String, Object>) MediaPages.script(page, "return window.__firstFrameOfTrack || {};");
        Map<String, Long> times = new LinkedHashMap<>();
        seen.forEach((track, at) -> times.put(track, ((Number) at).longValue()));
        return times;
    }

    /** The Janus whose entry in /actuator/mediaservers holds the one room. */
    private static JanusProcess hostOfTheCall(int port, List<JanusProcess> janus) throws InterruptedException {
        String id = MediaPages.await("the call's media server", () -> {
            String found = null;
            for (JsonNode server : servers(port).path("servers")) {
                if (server.path("rooms").asInt() == 1) {
                    found = server.path("id").asString();
                }
            }
            return found;
        });
        return janus.stream().filter(j -> idOf(j).equals(id)).findFirst().orElseThrow();
    }

    private static void awaitAllUp(int port, List<JanusProcess> janus) throws InterruptedException {
        Set<String> ids = new HashSet<>();
        janus.forEach(j -> ids.add(idOf(j)));
        MediaPages.await("every Janus to be up in the pool", () -> {
            int up = 0;
            for (JsonNode server : servers(port).path("servers")) {
                if (ids.contains(server.path("id").asString()) && server.path("up").asBoolean()
                        && server.path("rooms").asInt() == 0) {
                    up++;
                }
            }
            return up == ids.size();
        });
    }

    private static JsonNode servers(int port) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/mediaservers")).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String idOf(JanusProcess janus) {
        URI url = URI.create(janus.url());
        return url.getHost() + ":" + url.getPort();
    }


    private static void report(Options options, String loadAtStart, String loadAtEnd, List<String> loads,
                               List<Double> joins, List<Double> failovers) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append(String.format("failover benchmark: 2 Chromium pages in a call on a pool of 2 Janus servers,"
                        + " %d repetitions (+1 warm-up call); pool check-interval %s, failover-after %s%n",
                options.repetitions(), options.checkInterval(), options.failoverAfter()));
        out.append(String.format("load average (1, 5, 15 min): %s at start, %s at end%n", loadAtStart, loadAtEnd));
        double joinP50 = MediaBench.percentile(joins, 50);
        out.append(String.format("baseline, join click to first remote frame on the same pool: p50 %.0f ms, max %.0f ms"
                + " (n=%d)%n", joinP50, joins.stream().mapToDouble(d -> d).max().orElse(0), joins.size()));
        double p50 = MediaBench.percentile(failovers, 50);
        out.append(String.format("%s of the call's Janus to a new frame on both pages: p50 %.2f s, max %.2f s"
                        + " (n=%d); p50 ratio to the baseline p50: %.1fx%n",
                options.freeze() ? "freeze (SIGSTOP)" : "kill (SIGKILL)", p50,
                failovers.stream().mapToDouble(d -> d).max().orElse(0), failovers.size(), p50 * 1000 / joinP50));
        for (int i = 0; i < failovers.size(); i++) {
            out.append(String.format("  repetition %d: join %.0f ms, fault to video back %.2f s, load average at the fault %s%n",
                    i + 1, joins.get(i), failovers.get(i), loads.get(i)));
        }
        System.out.print(out);
        Files.writeString(options.output().resolve("report.txt"), out.toString());
    }
}
