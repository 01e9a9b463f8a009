package com.chatforyou.bench;

import com.chatforyou.adapter.media.janus.JanusProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The media benchmark (docs/benchmarks.md, {@code ./bench.sh media}): K headless Chromium participants
 * with fake cameras join one room, on mesh and on Janus in the same run, against a floor measured in a
 * browser of its own: a bare page that connects two RTCPeerConnections to each other, run before the call
 * and again just before every join. It prints join click to first remote frame (p50, p95) and its ratio
 * to the floor, what the joiner's main thread spent meanwhile, Janus' CPU per forwarded stream, each
 * participant's uplink and downlink from getStats, and the timeline of one join. It runs in a network
 * namespace made by bench.sh, whose private interface leads nowhere.
 */
public final class MediaBench {

    record Options(int participants, int rounds, int steadySeconds, Path serverJar, Path output, boolean profile,
                   boolean joinerCore, List<String> serverJvm, int cameraFps) {
        static Options parse(String[] args) {
            int k = 4;
            int rounds = 3;
            int steady = 10;
            Path jar = Path.of("chat-server/target/chat-server-0.1.0-SNAPSHOT.jar");
            Path output = Path.of("bench/target/media");
            boolean profile = false;
            boolean joinerCore = false;
            int cameraFps = MediaPages.CAMERA_FPS;
            // The server's JIT as the image runs it on a small node (deploy/docker/Dockerfile): C1 only. With the
            // C2 compiler too, the server still compiled up to 250 ms of a core in every measured join at K=4.
            List<String> serverJvm = new ArrayList<>(IMAGE_COMPILER);
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--participants" -> k = Integer.parseInt(args[++i]);
                    case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                    case "--steady-seconds" -> steady = Integer.parseInt(args[++i]);
                    case "--server-jar" -> jar = Path.of(args[++i]);
                    case "--output" -> output = Path.of(args[++i]);
                    case "--profile" -> profile = true;
                    case "--joiner-core" -> joinerCore = true;
                    case "--camera-fps" -> cameraFps = Integer.parseInt(args[++i]);
                    case "--server-jvm" -> serverJvm.add(args[++i]);
                    case "--help" -> {
                        System.out.println("./bench.sh media [--participants K (4)] [--rounds R (3)]"
                                + " [--steady-seconds S (10)] [--profile (a CPU profile of each backend's last join)]"
                                + " [--camera-fps F (" + MediaPages.CAMERA_FPS + ", every browser's fake camera, the floor's too)]"
                                + " [--joiner-core (each measured join, and the floor run before it, on a CPU of its own;"
                                + " the call's other browsers on the others)] [--server-jvm OPTION (repeatable; after the image's "
                                + String.join(" ", IMAGE_COMPILER) + ", so -XX:TieredStopAtLevel=4 gives C2 back)]");
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("Unknown option " + args[i] + "; see --help");
                }
            }
            if (k < 2 || rounds < 1 || steady < 1 || cameraFps < 1) {
                throw new IllegalArgumentException(
                        "Need at least 2 participants, 1 round, 1 steady second and 1 camera frame a second");
            }
            if (joinerCore) {
                CorePinning.allButLastCpu(); // refuses a machine of one CPU before anything starts
            }
            return new Options(k, rounds, steady, jar, output, profile, joinerCore, List.copyOf(serverJvm), cameraFps);
        }
    }

    /** The image's compiler option (its JAVA_TOOL_OPTIONS), which the server's JVM gets before any --server-jvm. */
    static final List<String> IMAGE_COMPILER = List.of("-XX:TieredStopAtLevel=1");

    /**
     * What one backend showed: join samples, each with the floor run just before it under the room's call,
     * the timeline of its last join, steady-state traffic and CPU.
     */
    record BackendRun(String backend, List<Double> joinToFrame, List<Double> floorUnderCall, Map<String, Double> timeline,
                      SteadyState steady, int forwardedVideo, String loadAverage, String profile,
                      List<Map<String, Double>> timelines, List<Map<String, Double>> mainThread,
                      List<Map<String, Double>> machine) {
    }

    /**
     * Everyone in the room for a while: kbit/s up and down per participant (getStats), Janus' CPU and each
     * participant's whole browser's CPU (% of one core), and how busy the machine was (% of all its cores).
     */
    record SteadyState(double upKbps, double downKbps, double mediaServerCpuPercent, double browserCpuPercent,
                       double machineBusyPercent) {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Files.createDirectories(options.output());
        List<ChromeDriver> browsers = new ArrayList<>();
        try (FloorPage floor = FloorPage.serve()) {
            String loadBefore = BenchReport.loadAverage();
            for (int i = 0; i < options.participants(); i++) {
                browsers.add(MediaPages.launch(options.cameraFps()));
            }
            // The floor has a browser of its own, which joins no room: it runs once before every measured join,
            // under the call the joiner meets, without changing what that joiner's browser has done.
            floor.open(MediaPages.launch(options.cameraFps()));
            List<Map<String, Double>> floorSteps = new ArrayList<>();
            List<Double> idleFloor = new ArrayList<>();
            List<Map<String, Double>> floorMachine = new ArrayList<>();
            List<MachineThreads.Owner> floorOwners = List.of(
                    new MachineThreads.Owner(floor.profileArgument(), "the floor's browser"),
                    new MachineThreads.Owner(MediaBench.class.getName(), "the bench"));
            for (int i = 0; i < options.rounds() * (options.participants() - 1); i++) {
                Map<String, MachineThreads.Sample> before = MachineThreads.read(floorOwners);
                FloorPage.Run run = floor.run();
                floorMachine.add(MachineThreads.between(before, MachineThreads.read(floorOwners)));
                idleFloor.add(run.firstFrame());
                floorSteps.add(run.steps());
            }
            String loadAfterFloor = BenchReport.loadAverage();
            BackendRun mesh = runBackend("mesh", options, browsers, floor, null);
            BackendRun janus;
            try (JanusProcess server = JanusProcess.running()) {
                janus = runBackend("janus", options, browsers, floor, server);
            }
            report(options, loadBefore, loadAfterFloor, idleFloor, floorSteps, floorMachine, List.of(mesh, janus));
        } finally {
            for (ChromeDriver browser : browsers) {
                browser.quit();
            }
        }
    }

    private static BackendRun runBackend(String backend, Options options, List<ChromeDriver> browsers, FloorPage floor,
                                         JanusProcess janus) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("chatforyou.media.backend", backend);
        properties.put("chatforyou.rooms.reconnect-grace", "0s");
        if (janus != null) {
            properties.put("chatforyou.media.janus.url", janus.url());
            properties.put("chatforyou.media.janus.api-secret", janus.apiSecret());
            properties.put("chatforyou.media.janus.room-admin-key", janus.roomAdminKey());
        }
        String load = BenchReport.loadAverage();
        try (ServerProcess server = ServerProcess.start(options.serverJar().toAbsolutePath(), options.serverJvm(), properties,
                options.output().resolve(backend + "-server.log"))) {
            String base = "http://127.0.0.1:" + server.port() + "/";
            List<Double> samples = new ArrayList<>();
            List<Double> floorUnderCall = new ArrayList<>();
            List<Map<String, Double>> mainThread = new ArrayList<>();
            List<Map<String, Double>> machine = new ArrayList<>();
            Map<String, Double> timeline = Map.of();
            String profile = "";
            List<Map<String, Double>> timelines = new ArrayList<>();
            for (int round = 0; round <= options.rounds(); round++) {
                String room = "bench-" + backend + "-" + round;
                String invite = null;
                for (int i = 0; i < browsers.size(); i++) {
                    ChromeDriver page = browsers.get(i);
                    boolean last = round == options.rounds() && i == browsers.size() - 1;
                    boolean profiled = last && options.profile();
                    boolean measured = round > 0 && i > 0;
                    if (measured && options.joinerCore()) {
                        giveTheJoinerACore(browsers, i, floor);
                    }
                    if (measured) {
                        floorUnderCall.add(floor.run().firstFrame());
                    }
                    Join joined = i == 0 ? create(page, base, room, "P0")
                            : joinByInvite(page, invite, "P" + i, profiled, owners(browsers, i, floor, options));
                    if (profiled) {
                        profile = JoinProfile.stop(page, options.output().resolve(backend + "-last-join.cpuprofile"));
                    }
                    if (i == 0) {
                        invite = (String) MediaPages.script(page, "return window.chatForYou.inviteUrl();");
                        continue;
                    }
                    int others = i;
                    try {
                        MediaPages.await("video from everyone already in the room", () -> MediaPages.script(page,
                                "return [...document.querySelectorAll('#tiles .tile[data-participant-id] video.tile-media')]"
                                        + ".filter(v => v.videoWidth > 0).length >= arguments[0];", others));
                    } catch (IllegalStateException e) {
                        throw new IllegalStateException(e.getMessage() + " (participant " + i + " of round " + round
                                + "): " + MediaPages.describe(page), e);
                    }
                    if (measured && options.joinerCore()) {
                        CorePinning.pin(profileArguments(browsers, floor), CorePinning.allCpus());
                    }
                    Map<String, Double> steps = timeline(page);
                    if (round > 0) {
                        samples.add(joined.firstFrame()); // round 0 warms the server and Janus up
                        mainThread.add(joined.mainThread());
                        machine.add(joined.machine());
                        timelines.add(steps);
                    }
                    if (last) {
                        timeline = new LinkedHashMap<>(steps);
                        timeline.putAll(othersSteps(browsers, i));
                    }
                }
                if (round < options.rounds()) {
                    MediaPages.leaveAll(browsers);
                }
            }
            SteadyState steady = steadyState(browsers, janus, options.steadySeconds());
            MediaPages.leaveAll(browsers);
            int k = browsers.size();
            return new BackendRun(backend, samples, floorUnderCall, timeline, steady, k * (k - 1), load, profile,
                    timelines, mainThread, machine);
        }
    }

    /**
     * As if the joiner had a machine of its own: its browser, and the floor's browser run just before its
     * join, on the last CPU; every other participant's browser on the others. The server and Janus keep
     * every CPU, so they still share the joiner's, which on a server of their own they would not.
     */
    private static void giveTheJoinerACore(List<ChromeDriver> browsers, int joiner, FloorPage floor)
            throws IOException, InterruptedException {
        List<ChromeDriver> others = new ArrayList<>(browsers);
        others.remove(joiner);
        CorePinning.pin(others.stream().map(MediaPages::profileArgument).toList(), CorePinning.allButLastCpu());
        CorePinning.pin(List.of(MediaPages.profileArgument(browsers.get(joiner)), floor.profileArgument()),
                CorePinning.lastCpu());
    }

    private static List<String> profileArguments(List<ChromeDriver> browsers, FloorPage floor) {
        List<String> arguments = new ArrayList<>(browsers.stream().map(MediaPages::profileArgument).toList());
        arguments.add(floor.profileArgument());
        return arguments;
    }

    /**
     * One join: click to first remote frame in ms, what the joiner's main thread spent meanwhile, and what
     * ran on the machine (ms on a core by group, {@link MachineThreads}).
     */
    record Join(double firstFrame, Map<String, Double> mainThread, Map<String, Double> machine) {
    }

    /** Whose each process on the machine is, for what ran during a join. */
    private static List<MachineThreads.Owner> owners(List<ChromeDriver> browsers, int joiner, FloorPage floor,
                                                     Options options) {
        List<MachineThreads.Owner> owners = new ArrayList<>();
        owners.add(new MachineThreads.Owner(MediaPages.profileArgument(browsers.get(joiner)), "the joiner's browser"));
        for (int i = 0; i < browsers.size(); i++) {
            if (i != joiner) {
                owners.add(new MachineThreads.Owner(MediaPages.profileArgument(browsers.get(i)), "the other browsers"));
            }
        }
        owners.add(new MachineThreads.Owner(floor.profileArgument(), "the floor's browser"));
        // The bench's own command line names the server's jar too.
        owners.add(new MachineThreads.Owner(MediaBench.class.getName(), "the bench"));
        owners.add(new MachineThreads.Owner(options.serverJar().toAbsolutePath().toString(), "the server"));
        return owners;
    }

    /** The first participant: creates the room from the lobby and joins it through its pre-join screen. */
    static Join create(ChromeDriver page, String base, String room, String name) throws InterruptedException, IOException {
        page.get(base);
        MediaPages.await("the lobby to connect", () -> MediaPages.script(page,
                "return document.getElementById('connection-status').dataset.state === 'connected';"));
        MediaPages.script(page, "const n = document.getElementById('display-name'); n.value = arguments[0];"
                + " n.dispatchEvent(new Event('input', {bubbles: true}));"
                + " document.getElementById('create-room-name').value = arguments[1];"
                + " document.getElementById('create-room-button').click();", name, room);
        clickJoinOnPrejoin(page, name, false, List.of());
        MediaPages.await("the creator to be in the room", () -> MediaPages.script(page,
                "return !document.getElementById('room-view').hidden;"));
        return new Join(0, Map.of(), Map.of());
    }

    /**
     * Opens the room's invite link, as a guest would, waits for the pre-join screen with its camera
     * preview playing, clicks its Join and waits for the first remote frame: ms from that click.
     */
    static Join joinByInvite(ChromeDriver page, String invite, String name, boolean profiled,
                             List<MachineThreads.Owner> owners) throws InterruptedException, IOException {
        page.get(invite);
        Map<Long, long[]> scheduleBefore = MainThreadMetrics.schedule(page);
        Click click = clickJoinOnPrejoin(page, name, profiled, owners);
        try {
            double frame = MediaPages.awaitFirstFrame(page, "the first remote frame");
            Map<String, Double> machine = owners.isEmpty() ? Map.of()
                    : MachineThreads.between(click.machine(), MachineThreads.read(owners));
            Map<String, Double> spent = MainThreadMetrics.between(click.metrics(), MainThreadMetrics.read(page));
            MainThreadMetrics.addSchedule(spent, scheduleBefore, MainThreadMetrics.schedule(page));
            return new Join(frame, spent, machine);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + " (" + name + "): " + MediaPages.describe(page), e);
        }
    }

    /** What was read just before the click: the page's main-thread metrics, every thread's time on a core. */
    private record Click(Map<String, Double> metrics, Map<String, MachineThreads.Sample> machine) {
    }

    /**
     * The user's join click, as in Meet: on the pre-join screen, once its preview shows the camera. The
     * machine's threads are read just before (when {@code owners} name whose they are).
     */
    private static Click clickJoinOnPrejoin(ChromeDriver page, String name, boolean profiled,
                                            List<MachineThreads.Owner> owners) throws InterruptedException, IOException {
        try {
            MediaPages.await("the pre-join screen with its camera preview", () -> MediaPages.script(page,
                    "return document.body.dataset.screen === 'prejoin'"
                            + " && !document.getElementById('prejoin-join').disabled"
                            + " && document.getElementById('prejoin-video').videoWidth > 0;"));
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + " (" + name + "): " + MediaPages.describe(page), e);
        }
        if (profiled) {
            JoinProfile.start(page);
        }
        MainThreadMetrics.enable(page);
        Map<String, MachineThreads.Sample> machine = owners.isEmpty() ? Map.of() : MachineThreads.read(owners);
        Map<String, Double> before = MainThreadMetrics.read(page);
        MediaPages.script(page, "const n = document.getElementById('prejoin-name'); n.value = arguments[0];"
                + " n.dispatchEvent(new Event('input', {bubbles: true}));"
                + " window.__bench.startClock();"
                + " document.getElementById('prejoin-join').click();", name);
        return new Click(before, machine);
    }

    /**
     * The first time each step happened after the click, in ms; of the steps marked per peer connection,
     * only those of the link that carried the first remote frame.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Double> timeline(ChromeDriver page) {
        List<List<Object>> marks = (List<List<Object>>) MediaPages.script(page, "return window.__bench.marks;");
        String framed = marks.stream().map(mark -> (String) mark.get(0))
                .filter(name -> name.startsWith("link ") && name.endsWith(": first remote frame"))
                .map(name -> name.substring(0, name.indexOf(':') + 1)).findFirst().orElse("");
        Map<String, Double> first = new LinkedHashMap<>();
        for (List<Object> mark : marks) {
            String name = (String) mark.get(0);
            double at = ((Number) mark.get(1)).doubleValue();
            if (!name.startsWith("link ")) {
                first.putIfAbsent(name, at);
            } else if (!framed.isEmpty() && name.startsWith(framed)) {
                first.putIfAbsent("  (the frame's link) " + name.substring(framed.length()).trim(), at);
            }
        }
        return first;
    }

    /**
     * What the pages already in the room did after this participant's click (the offers of mesh are made
     * there), on the clock every page of the machine shares: each page's timeOrigin plus its own times.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Double> othersSteps(List<ChromeDriver> browsers, int joiner) {
        double click = ((Number) MediaPages.script(browsers.get(joiner),
                "return performance.timeOrigin + window.__bench.clickAt;")).doubleValue();
        Map<String, Double> steps = new LinkedHashMap<>();
        for (int i = 0; i < joiner; i++) {
            List<Object> read = (List<Object>) MediaPages.script(browsers.get(i),
                    "return [performance.timeOrigin + window.__bench.clickAt, window.__bench.marks];");
            double origin = ((Number) read.get(0)).doubleValue();
            for (List<Object> mark : (List<List<Object>>) read.get(1)) {
                String name = (String) mark.get(0);
                double at = origin + ((Number) mark.get(1)).doubleValue() - click;
                if (at >= 0 && !name.startsWith("link ") && !name.startsWith("main-thread task")) {
                    steps.putIfAbsent("(participant " + (i + 1) + ") " + name, at);
                }
            }
        }
        return steps;
    }

    private static SteadyState steadyState(List<ChromeDriver> browsers, JanusProcess janus, int seconds)
            throws Exception {
        long[][] before = new long[browsers.size()][];
        for (int i = 0; i < browsers.size(); i++) {
            before[i] = MediaPages.rtpBytes(browsers.get(i));
        }
        long scanStart = System.nanoTime();
        long browsersBefore = browserTicks(browsers);
        long scanned = System.nanoTime();
        long[] machineBefore = ProcessCpu.machineTicks();
        long cpuBefore = janus == null ? 0 : ProcessCpu.ticks(janus.pid());
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long cpuAfter = janus == null ? 0 : ProcessCpu.ticks(janus.pid());
        long[] machineAfter = ProcessCpu.machineTicks();
        long scanAgain = System.nanoTime();
        long browsersAfter = browserTicks(browsers);
        // Scanning /proc under load takes a while: the browsers' interval runs from scan to scan, midpoints.
        double browserSeconds = ((scanAgain + System.nanoTime()) - (scanStart + scanned)) / 2e9;
        double up = 0;
        double down = 0;
        for (int i = 0; i < browsers.size(); i++) {
            long[] after = MediaPages.rtpBytes(browsers.get(i));
            // Each page over its own interval between its two readings (ms); bits per ms are kbit/s.
            double pageMillis = Math.max(1, after[2] - before[i][2]);
            up += (after[0] - before[i][0]) * 8 / pageMillis;
            down += (after[1] - before[i][1]) * 8 / pageMillis;
        }
        double busy = 100.0 * (machineAfter[0] - machineBefore[0]) / Math.max(1, machineAfter[1] - machineBefore[1]);
        return new SteadyState(up / browsers.size(), down / browsers.size(),
                janus == null ? Double.NaN : percentOfOneCore(cpuAfter - cpuBefore, elapsed),
                percentOfOneCore(browsersAfter - browsersBefore, browserSeconds) / browsers.size(), busy);
    }

    private static double percentOfOneCore(long ticks, double seconds) {
        return ticks / ProcessCpu.CLOCK_TICKS / seconds * 100;
    }

    /** All processes of the participants' browsers, each found by its own profile directory. */
    private static long browserTicks(List<ChromeDriver> browsers) throws IOException {
        return ProcessCpu.ticksOfProcessesWithAny(browsers.stream()
                .map(MediaPages::profileArgument).toList());
    }

    private static void report(Options options, String loadBefore, String loadAfterFloor, List<Double> floor,
                               List<Map<String, Double>> floorSteps, List<Map<String, Double>> floorMachine,
                               List<BackendRun> runs) throws IOException {
        StringBuilder out = new StringBuilder();
        int k = options.participants();
        out.append(String.format("media benchmark: K=%d participants in one room, %d measured rounds (+1 warm-up),"
                + " %d s steady state%n", k, options.rounds(), options.steadySeconds()));
        out.append(String.format("load average (1, 5, 15 min): %s at start, %s after the floor%n", loadBefore, loadAfterFloor));
        out.append(String.format("fake cameras at %d frames a second (the floor's too)%n", options.cameraFps()));
        out.append("the server's JVM options: ").append(String.join(" ", options.serverJvm())).append('\n');
        if (options.joinerCore()) {
            out.append(String.format("--joiner-core: each measured join and the floor run just before it on CPU %s alone;"
                    + " the call's other browsers on CPU %s; the server and Janus on every CPU; the first floor (below)"
                    + " on every CPU%n", CorePinning.lastCpu(), CorePinning.allButLastCpu()));
        }
        double floorP50 = percentile(floor, 50);
        double floorP95 = percentile(floor, 95);
        out.append(String.format("floor, two RTCPeerConnections in one page: click to first remote frame p50 %.0f ms,"
                + " p95 %.0f ms (n=%d)%n", floorP50, floorP95, floor.size()));
        out.append(stepMedians(floorSteps).replace("measured joins", "floor runs"));
        out.append(MachineThreads.means(floorMachine, 8).replace("from the click until the bench saw the first frame",
                "from the floor's start until the bench saw its first frame (and the page closed its connections)")
                .replace(" joins,", " floor runs,"));
        List<Double> floorShown = presented(floorSteps);
        for (BackendRun run : runs) {
            double p50 = percentile(run.joinToFrame(), 50);
            double p95 = percentile(run.joinToFrame(), 95);
            out.append(String.format("%-5s join click to first remote frame p50 %.0f ms (%.1fx floor), p95 %.0f ms"
                            + " (%.1fx floor), n=%d; load average at its start %s%n", run.backend(), p50, p50 / floorP50,
                    p95, p95 / floorP95, run.joinToFrame().size(), run.loadAverage()));
            out.append("      every join, round by round (ms; participants 2.." + k + " of each round): "
                    + joinsByRound(run.joinToFrame(), k - 1) + "\n");
            out.append(againstFloorUnderCall(run.joinToFrame(), run.floorUnderCall(), k - 1));
            List<Double> shown = presented(run.timelines());
            if (!shown.isEmpty() && !floorShown.isEmpty()) {
                out.append(String.format("      the same frames as presented (requestVideoFrameCallback presentationTime):"
                                + " p50 %.0f ms (%.1fx the floor's %.0f), p95 %.0f ms (%.1fx the floor's %.0f)%n",
                        percentile(shown, 50), percentile(shown, 50) / percentile(floorShown, 50), percentile(floorShown, 50),
                        percentile(shown, 95), percentile(shown, 95) / percentile(floorShown, 95), percentile(floorShown, 95)));
            }
            SteadyState steady = run.steady();
            out.append(String.format("      per participant: uplink %.0f kbit/s, downlink %.0f kbit/s (getStats, RTP payload and headers)%n",
                    steady.upKbps(), steady.downKbps()));
            out.append(String.format("      per participant: its browser's CPU %.0f %% of one core (all its processes);"
                            + " the machine %.0f %% busy over its %d cores%n", steady.browserCpuPercent(),
                    steady.machineBusyPercent(), Runtime.getRuntime().availableProcessors()));
            if (!Double.isNaN(steady.mediaServerCpuPercent())) {
                out.append(String.format("      Janus CPU %.1f %% of one core for %d forwarded video (+%d audio) streams:"
                                + " %.2f %% per forwarded video stream%n", steady.mediaServerCpuPercent(), run.forwardedVideo(),
                        run.forwardedVideo(), steady.mediaServerCpuPercent() / run.forwardedVideo()));
            }
            out.append("      timeline of the last join (ms after the click; first occurrence of each step):\n");
            run.timeline().entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(step ->
                    out.append(String.format("        %7.0f  %s%n", step.getValue(), step.getKey())));
            out.append(stepMedians(run.timelines()));
            out.append(MainThreadMetrics.medians(run.mainThread()));
            out.append(MachineThreads.means(run.machine(), 20));
            out.append(MachineThreads.compilingByJoin(run.machine(), "the server", k - 1));
            out.append(run.profile());
        }
        System.out.print(out);
        Files.writeString(options.output().resolve("report.txt"), out.toString());
    }

    /** The joins in the order they were measured, one group per round, so a slow position stands out. */
    static String joinsByRound(List<Double> joins, int perRound) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < joins.size(); i++) {
            if (i > 0) {
                out.append(i % perRound == 0 ? " | " : " ");
            }
            out.append(String.format("%.0f", joins.get(i)));
        }
        return out.toString();
    }

    /**
     * The joins against the floor page run just before each of them in its own browser, while the room's
     * call went on: what the app adds to a bare page's join under the same load.
     */
    static String againstFloorUnderCall(List<Double> joins, List<Double> floors, int perRound) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < joins.size(); i++) {
            ratios.add(joins.get(i) / floors.get(i));
        }
        double p50 = percentile(floors, 50);
        double p95 = percentile(floors, 95);
        return String.format("      floor under the call (the floor page in its own browser just before each join):"
                        + " p50 %.0f ms, p95 %.0f ms; joins against it p50 %.1fx, p95 %.1fx; each join over its own floor"
                        + " run: median %.1fx, %.1f-%.1fx%n        floor runs, round by round (ms): %s%n",
                p50, p95, percentile(joins, 50) / p50, percentile(joins, 95) / p95, percentile(ratios, 50),
                Collections.min(ratios), Collections.max(ratios), joinsByRound(floors, perRound));
    }

    /** When each first frame was presented, which the page's callback (the main figure) learns of later. */
    private static List<Double> presented(List<Map<String, Double>> timelines) {
        return timelines.stream().map(t -> t.get("first remote frame presented")).filter(java.util.Objects::nonNull).toList();
    }

    /** The steps of the link that carried the first frame, in the order they happen. */
    private static final List<String> LINK_STEPS = List.of("joined received (signaling round trip)",
            "peer connection made", "peer connection configured", "remote offer set", "local answer made",
            "remote candidate added", "ICE checking", "ICE connected", "DTLS connected", "first remote frame");

    /**
     * Over every measured join: the median time of each step of the frame's link, and of each step's
     * length, which in each join runs from the latest earlier step that join has (a link taken from the
     * page's reserve has no "peer connection made" after the click).
     */
    static String stepMedians(List<Map<String, Double>> timelines) {
        StringBuilder out = new StringBuilder(String.format(
                "      the frame's link over all %d measured joins, median ms after the click (median step):%n",
                timelines.size()));
        List<String> keys = LINK_STEPS.stream()
                .map(step -> step.startsWith("joined") ? step : "  (the frame's link) " + step).toList();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            List<String> earlier = keys.subList(0, i);
            List<Double> at = timelines.stream().filter(t -> t.containsKey(key)).map(t -> t.get(key)).toList();
            List<Double> took = timelines.stream().filter(t -> t.containsKey(key))
                    .map(t -> t.get(key) - earlier.stream().filter(t::containsKey).mapToDouble(t::get).max().orElse(0))
                    .toList();
            if (!at.isEmpty()) {
                out.append(String.format("        %7.0f  (%+5.0f)  %s  (n=%d)%n", percentile(at, 50),
                        percentile(took, 50), LINK_STEPS.get(i), at.size()));
            }
        }
        return out.toString();
    }

    static double percentile(List<Double> values, int percent) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
