package com.chatforyou.adapter.turn.coturn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real coturn (Debian's {@code coturn} package) for tests: listens and relays on 127.0.0.1 only, on
 * a free port, checks TURN REST API credentials against {@code static-auth-secret}, and keeps its
 * config, user database, log and pid file in a temporary directory that {@link #close()} removes.
 */
public final class Coturn implements AutoCloseable {
    public static final Path TURNSERVER = Path.of("/usr/bin/turnserver");
    public static final String REALM = "chatforyou.test";
    private static final String LOOPBACK = "127.0.0.1";
    /** An upper bound so a broken install fails the test instead of hanging it; coturn needs ~25 ms. */
    private static final Duration START_PATIENCE = Duration.ofSeconds(30);
    private static final int RELAY_PORTS = 50;

    private final Process process;
    private final Path directory;
    private final int port;

    private Coturn(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    /** Starts coturn with {@code secret} as its {@code static-auth-secret} and waits until it listens. */
    public static Coturn start(String secret) {
        requireInstalled(TURNSERVER);
        try {
            Path directory = Files.createTempDirectory("chatforyou-coturn-");
            int port = freeUdpAndTcpPort();
            int minRelayPort = 20000 + ThreadLocalRandom.current().nextInt(0, 800) * RELAY_PORTS;
            Path config = directory.resolve("turnserver.conf");
            Files.writeString(config, String.join("\n",
                    "listening-ip=" + LOOPBACK,
                    "relay-ip=" + LOOPBACK,
                    "listening-port=" + port,
                    "min-port=" + minRelayPort,
                    "max-port=" + (minRelayPort + RELAY_PORTS - 1),
                    "realm=" + REALM,
                    "use-auth-secret",
                    "static-auth-secret=" + secret,
                    "fingerprint",
                    "no-tls",
                    "no-dtls",
                    "no-cli",
                    // A second port for NAT discovery is not wanted: only the one checked free above is used.
                    "no-rfc5780",
                    // Browsers and peers are on 127.0.0.1 too; without this coturn answers 403 Forbidden IP.
                    "allow-loopback-peers",
                    "userdb=" + directory.resolve("turndb"),
                    "log-file=" + directory.resolve("turn.log"),
                    "simple-log",
                    "no-stdout-log",
                    "pidfile=" + directory.resolve("turnserver.pid"),
                    // Logs each request with its user and outcome, which the tests read.
                    "verbose",
                    ""), StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(TURNSERVER.toString(), "-c", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("turnserver.out").toFile())
                    .start();
            Coturn coturn = new Coturn(process, directory, port);
            coturn.awaitListening();
            return coturn;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start coturn", e);
        }
    }

    /** Fails with a clear message when a Debian package the test needs is not installed. */
    static void requireInstalled(Path executable) {
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException(executable + " is missing: the TURN tests need Debian's coturn package. "
                    + "Run ./test.sh (it installs it) or apt-get install coturn");
        }
    }

    public int port() {
        return port;
    }

    /** A {@code turn:} URI of this server for the given transport ({@code udp} or {@code tcp}). */
    public String turnUrl(String transport) {
        return "turn:" + LOOPBACK + ":" + port + "?transport=" + transport;
    }

    /** Everything coturn logged so far (with {@code verbose}: every request, its user and outcome). */
    public String log() {
        try {
            Path log = directory.resolve("turn.log");
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether coturn logged a successful ALLOCATE for this username. */
    public boolean allocatedFor(String username) {
        return log().contains("user <" + username + ">: incoming packet ALLOCATE processed, success");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // A leftover temp directory is harmless.
        }
    }

    private void awaitListening() {
        List<String> listeners = List.of("UDP listener opened on: " + LOOPBACK + ":" + port,
                "TCP listener opened on : " + LOOPBACK + ":" + port);
        long deadline = System.nanoTime() + START_PATIENCE.toNanos();
        while (true) {
            String log = log();
            if (listeners.stream().allMatch(log::contains)) {
                return;
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String why = process.isAlive() ? "did not listen within " + START_PATIENCE : "exited";
                close();
                throw new IllegalStateException("coturn " + why + " on " + LOOPBACK + ":" + port + "; its log:\n" + log);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while coturn started", e);
            }
        }
    }

    /** A port free for both UDP and TCP on 127.0.0.1, since coturn listens on both. */
    private static int freeUdpAndTcpPort() throws IOException {
        InetAddress loopback = InetAddress.getByName(LOOPBACK);
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, loopback)) {
                int port = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, port))) {
                    return port;
                } catch (IOException taken) {
                    // UDP port in use; try another.
                }
            }
        }
        throw new IOException("No port free for both UDP and TCP on " + LOOPBACK);
    }
}
