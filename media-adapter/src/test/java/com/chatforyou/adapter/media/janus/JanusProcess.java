package com.chatforyou.adapter.media.janus;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;

/**
 * A real Janus (Debian's {@code janus} package) for tests, started with the project's own configs
 * from {@code deploy/janus/}: only the videoroom plugin and the WebSocket transport, the Admin API on
 * loopback. Ports, secrets and the RTP range are replaced in a private copy.
 *
 * <p>libnice does not gather on loopback, so Janus needs a non-loopback interface. Tests run in a
 * network namespace made by the test run (src/test/private-network/bin/java with
 * PRIVATE_NETWORK_ADDRESS), whose private interface leads nowhere: no media leaves it.
 */
public final class JanusProcess implements AutoCloseable {
    private static final File JANUS = new File("/usr/bin/janus");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Janus servers started by this JVM; each gets an RTP range of its own. */
    private static final java.util.concurrent.atomic.AtomicInteger INSTANCES = new java.util.concurrent.atomic.AtomicInteger();

    private final Path folder;
    private final int port;
    private final int adminPort;
    private final String apiSecret;
    private final String adminSecret;
    private final String roomAdminKey;
    private final int sessionTimeoutSeconds;
    private volatile Process process;
    private int starts;

    private JanusProcess(int sessionTimeoutSeconds) {
        this(sessionTimeoutSeconds, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
    }

    private JanusProcess(int sessionTimeoutSeconds, String apiSecret, String adminSecret, String roomAdminKey) {
        requirePrivateNetwork();
        this.sessionTimeoutSeconds = sessionTimeoutSeconds;
        this.apiSecret = apiSecret;
        this.adminSecret = adminSecret;
        this.roomAdminKey = roomAdminKey;
        try {
            folder = Files.createTempDirectory("chatforyou-janus-");
            port = freePort();
            adminPort = freePort();
            writeConfigs();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Configured but not started: as when Janus is down when the app starts. */
    public static JanusProcess create() {
        return new JanusProcess(0);
    }

    public static JanusProcess running() {
        JanusProcess janus = new JanusProcess(0);
        janus.start();
        return janus;
    }

    /** A second Janus with the same secrets, as the servers of one deployment's pool have. */
    public static JanusProcess runningWithTheSecretsOf(JanusProcess first) {
        JanusProcess janus = new JanusProcess(0, first.apiSecret, first.adminSecret, first.roomAdminKey);
        janus.start();
        return janus;
    }

    /** A Janus that ends sessions which go {@code seconds} without a keepalive. */
    public static JanusProcess runningWithSessionTimeout(int seconds) {
        JanusProcess janus = new JanusProcess(seconds);
        janus.start();
        return janus;
    }

    public String url() {
        return "ws://127.0.0.1:" + port + "/";
    }

    public String adminUrl() {
        return "ws://127.0.0.1:" + adminPort + "/";
    }

    public String apiSecret() {
        return apiSecret;
    }

    public String adminSecret() {
        return adminSecret;
    }

    public String roomAdminKey() {
        return roomAdminKey;
    }

    /** Settings that reach this Janus, with short retries so tests see recoveries quickly. */
    public JanusSettings settings() {
        return JanusSettings.defaults(url()).withSecrets(apiSecret, roomAdminKey)
                .withAdmin(URI.create(adminUrl()), adminSecret)
                .withRetries(Duration.ofMillis(100), Duration.ofMillis(500));
    }

    public JanusAdmin admin() {
        return JanusAdmin.of(settings());
    }

    /** Starts Janus and waits until its WebSocket port accepts connections. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            starts++;
            if (starts == 1) {
                // A JVM that ends without closing this (a crashed fork, a killed build) still ends Janus.
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    Process running = process;
                    if (running != null) {
                        running.destroyForcibly();
                    }
                }, "stop-test-janus"));
            }
            process = new ProcessBuilder(JANUS.getPath(), "-F", folder.toString(), "-o", "-N",
                    "-L", folder.resolve("janus-" + starts + ".log").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(folder.resolve("janus-" + starts + ".out").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Janus could not be started; ./test.sh installs Debian's janus", e);
        }
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!accepts(port) || !accepts(adminPort)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("Janus did not start; its log: " + log());
            }
            sleep(20);
        }
    }

    /** Stops Janus the way an operator would (SIGTERM) and waits for it to exit. */
    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            await(process);
        }
    }

    /** Kills Janus outright (SIGKILL), as a crash or an OOM kill would. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            await(process);
        }
    }

    /** Freezes Janus (SIGSTOP): it keeps its sockets open and answers nothing. */
    public synchronized void freeze() {
        signal("STOP");
    }

    /** Lets a frozen Janus run on (SIGCONT). */
    public synchronized void thaw() {
        signal("CONT");
    }

    /** The running Janus' process id, for CPU accounting. */
    public synchronized long pid() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("Janus is not running");
        }
        return process.pid();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** What Janus logged since its latest start. */
    public String log() {
        try {
            Path log = folder.resolve("janus-" + starts + ".log");
            Path out = folder.resolve("janus-" + starts + ".out");
            StringBuilder text = new StringBuilder();
            for (Path file : List.of(out, log)) {
                if (Files.exists(file)) {
                    text.append(Files.readString(file, StandardCharsets.UTF_8));
                }
            }
            return text.toString();
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            thaw();
            stop();
        }
    }

    private void signal(String name) {
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
            kill.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeConfigs() throws IOException {
        Path source = configFolder();
        String core = Files.readString(source.resolve("janus.jcfg"), StandardCharsets.UTF_8);
        core = replace(core, "admin_secret", quoted(adminSecret));
        core = replace(core, "api_secret", quoted(apiSecret));
        core = replace(core, "configs_folder", quoted(folder.toString()));
        if (sessionTimeoutSeconds > 0) {
            core = replace(core, "session_timeout", Integer.toString(sessionTimeoutSeconds));
        }
        // A narrow RTP range of its own keeps the Janus servers of one test JVM (one namespace) apart.
        int base = 20000 + (INSTANCES.getAndIncrement() % 40) * 1000;
        core = replace(core, "rtp_port_range", quoted(base + "-" + (base + 999)));
        Files.writeString(folder.resolve("janus.jcfg"), core, StandardCharsets.UTF_8);
        String transport = Files.readString(source.resolve("janus.transport.websockets.jcfg"), StandardCharsets.UTF_8);
        transport = replace(transport, "ws_port", Integer.toString(port));
        transport = replace(transport, "admin_ws_port", Integer.toString(adminPort));
        Files.writeString(folder.resolve("janus.transport.websockets.jcfg"), transport, StandardCharsets.UTF_8);
        String videoroom = Files.readString(source.resolve("janus.plugin.videoroom.jcfg"), StandardCharsets.UTF_8);
        videoroom = replace(videoroom, "admin_key", quoted(roomAdminKey));
        Files.writeString(folder.resolve("janus.plugin.videoroom.jcfg"), videoroom, StandardCharsets.UTF_8);
    }

    /** The project's Janus configs: deploy/janus, found from the build's property or the working folder. */
    private static Path configFolder() {
        String configured = System.getProperty("chatforyou.janus.configs");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("deploy/janus");
            if (Files.exists(candidate.resolve("janus.jcfg"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("deploy/janus not found; set -Dchatforyou.janus.configs");
    }

    private static String replace(String config, String key, String value) {
        java.util.regex.Pattern setting = java.util.regex.Pattern.compile("(?m)^(\\s*)" + key + "\\s*=.*$");
        Matcher matcher = setting.matcher(config);
        if (!matcher.find()) {
            throw new IllegalStateException("deploy/janus has no " + key + " setting");
        }
        return matcher.replaceFirst(Matcher.quoteReplacement(matcher.group(1) + key + " = " + value));
    }

    private static String quoted(String value) {
        return "\"" + value + "\"";
    }

    /** Janus needs a non-loopback interface, and tests may only use one inside their own namespace. */
    private static void requirePrivateNetwork() {
        if (!JANUS.canExecute()) {
            throw new IllegalStateException("Janus tests need Debian's janus package; ./test.sh installs it");
        }
        try {
            boolean privateInterface = false;
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.getName().equals("ci0") && nic.isUp()) {
                    privateInterface = true;
                } else if (!nic.isLoopback() && nic.isUp()) {
                    throw new IllegalStateException("Janus tests must run in the test run's private network namespace"
                            + " (src/test/private-network/bin/java with PRIVATE_NETWORK_ADDRESS), but interface "
                            + nic.getName() + " leads out of it");
                }
            }
            if (!privateInterface) {
                throw new IllegalStateException("Janus tests need the private interface ci0 of the test network"
                        + " namespace (PRIVATE_NETWORK_ADDRESS); libnice ignores loopback");
            }
        } catch (java.net.SocketException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void await(Process process) {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
