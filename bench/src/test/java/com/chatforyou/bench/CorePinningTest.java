package com.chatforyou.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The joiner's core of its own: a browser's processes are pinned to CPUs, and widened back, by its argument. */
class CorePinningTest {

    @Test
    void aProcessFoundByItsArgumentIsPinnedToTheJoinersCoreAndWidenedBackToAllOthersUntouched() throws Exception {
        assertThat(Runtime.getRuntime().availableProcessors()).as("this needs a machine of two CPUs or more")
                .isGreaterThan(1);
        String marker = "chatforyou-pin-" + UUID.randomUUID();
        Process pinned = new ProcessBuilder("sh", "-c", "echo up; read line", marker).redirectErrorStream(true).start();
        Process other = new ProcessBuilder("sh", "-c", "echo up; read line", "chatforyou-pin-" + UUID.randomUUID())
                .redirectErrorStream(true).start();
        try {
            assertThat(new String(pinned.getInputStream().readNBytes(3))).isEqualTo("up\n");
            assertThat(new String(other.getInputStream().readNBytes(3))).isEqualTo("up\n");
            String all = allowedCpus(other.pid());

            CorePinning.pin(List.of(marker), CorePinning.lastCpu());
            assertThat(allowedCpus(pinned.pid())).isEqualTo(CorePinning.lastCpu()).isNotEqualTo(all);
            assertThat(allowedCpus(other.pid())).as("a process without the argument").isEqualTo(all);

            CorePinning.pin(List.of(marker), CorePinning.allButLastCpu());
            assertThat(allowedCpus(pinned.pid())).isEqualTo(CorePinning.allButLastCpu());

            CorePinning.pin(List.of(marker), CorePinning.allCpus());
            assertThat(allowedCpus(pinned.pid())).isEqualTo(all);
        } finally {
            pinned.destroyForcibly().waitFor();
            other.destroyForcibly().waitFor();
        }
    }

    private static String allowedCpus(long pid) throws Exception {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(line -> line.startsWith("Cpus_allowed_list:"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElseThrow();
    }
}
