package com.chatforyou.adapter.turn.coturn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * coturn's own test client, {@code turnutils_uclient}: allocates a relay with a username and password
 * and sends one message through it to a second relay of its own ({@code -y}), all on 127.0.0.1. Exit
 * code 0 means the allocation worked; a refused credential gives 255 (the 401 shows in coturn's log).
 */
public final class TurnClient {
    public static final Path UCLIENT = Path.of("/usr/bin/turnutils_uclient");
    /** Bounds a hung client so the test fails rather than waits; a run takes well under a second. */
    private static final long PATIENCE_SECONDS = 60;

    public enum Transport { UDP, TCP }

    /** The client's exit code and everything it printed. */
    public record Outcome(int exitCode, String output) {
        public boolean allocated() {
            return exitCode == 0;
        }
    }

    private TurnClient() {
    }

    public static Outcome allocate(Coturn server, Transport transport, String username, String password) {
        Coturn.requireInstalled(UCLIENT);
        List<String> command = new ArrayList<>(List.of(UCLIENT.toString(), "-y", "-c", "-n", "1"));
        if (transport == Transport.TCP) {
            command.add("-t");
        }
        command.addAll(List.of("-p", Integer.toString(server.port()), "-u", username, "-w", password, "127.0.0.1"));
        try {
            Path output = Files.createTempFile("chatforyou-uclient-", ".out");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).start();
                if (!process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("turnutils_uclient did not finish within " + PATIENCE_SECONDS
                            + " s:\n" + Files.readString(output, StandardCharsets.UTF_8));
                }
                return new Outcome(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
