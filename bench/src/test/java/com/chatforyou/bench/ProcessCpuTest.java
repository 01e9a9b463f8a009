package com.chatforyou.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The CPU the media benchmark charges to a browser: every process started with its argument, and no other. */
class ProcessCpuTest {

    @Test
    void theTimeOfAProcessIsFoundByAnArgumentItWasStartedWithAndNoOtherProcessIsCounted() throws Exception {
        String marker = "chatforyou-cpu-" + UUID.randomUUID();
        // A shell that spins until it has used some CPU, then waits on its input (a builtin, so the shell
        // itself stays, not an exec'd child); $0 carries the marker.
        Process busy = new ProcessBuilder("sh", "-c",
                "i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done; echo spun; read line", marker)
                .redirectErrorStream(true).start();
        try {
            assertThat(new String(busy.getInputStream().readNBytes(5))).isEqualTo("spun\n");

            assertThat(ProcessCpu.ticksOfProcessesWithAny(List.of(marker))).isPositive()
                    .isEqualTo(ProcessCpu.ticks(busy.pid()));
            assertThat(ProcessCpu.ticksOfProcessesWithAny(List.of(marker, "chatforyou-cpu-" + UUID.randomUUID())))
                    .as("counted once, whichever argument it has").isEqualTo(ProcessCpu.ticks(busy.pid()));
            assertThat(ProcessCpu.ticksOfProcessesWithAny(List.of("chatforyou-cpu-" + UUID.randomUUID()))).isZero();
            assertThat(ProcessCpu.ticksOfProcessesWithAny(List.of(marker.substring(0, marker.length() - 1))))
                    .as("an argument that only starts the marker").isZero();
        } finally {
            busy.destroyForcibly().waitFor();
        }
        assertThat(ProcessCpu.ticks(busy.pid())).as("a process that is gone").isZero();
    }

    @Test
    void anArgumentCountsWholeBetweenNulsOrBetweenTheSpacesOfARewrittenTitle() {
        String profile = "--user-data-dir=/tmp/p-12";

        assertThat(ProcessCpu.hasArgument("chromium\0" + profile + "\0--no-sandbox\0", profile)).isTrue();
        assertThat(ProcessCpu.hasArgument("chromium --type=renderer " + profile + " --lang=en\0", profile)).isTrue();
        assertThat(ProcessCpu.hasArgument("chromium\0" + profile + "3\0", profile)).as("another profile").isFalse();
        assertThat(ProcessCpu.hasArgument("chromium\0x" + profile + "\0", profile)).isFalse();
    }

    @Test
    void aRenderersMainThreadIsFoundByItsBrowsersArgumentWithItsTimeOnACore() throws Exception {
        String marker = "chatforyou-cpu-" + UUID.randomUUID();
        // $0 and $1: the browser's argument and a renderer's type, as Chromium starts its renderers.
        Process renderer = new ProcessBuilder("sh", "-c",
                "i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done; echo spun; read line", marker, "--type=renderer")
                .redirectErrorStream(true).start();
        Process other = new ProcessBuilder("sh", "-c", "echo up; read line", marker, "--type=gpu-process")
                .redirectErrorStream(true).start();
        try {
            assertThat(new String(renderer.getInputStream().readNBytes(5))).isEqualTo("spun\n");
            assertThat(new String(other.getInputStream().readNBytes(3))).isEqualTo("up\n");

            var threads = ProcessCpu.rendererMainThreads(marker);

            assertThat(threads).containsOnlyKeys(renderer.pid());
            assertThat(threads.get(renderer.pid())[0]).as("ns on a core").isPositive();
            assertThat(threads.get(renderer.pid())[1]).as("ns waiting for a core").isNotNegative();
            assertThat(ProcessCpu.rendererMainThreads("chatforyou-cpu-" + UUID.randomUUID())).isEmpty();
        } finally {
            renderer.destroyForcibly().waitFor();
            other.destroyForcibly().waitFor();
        }
    }

    @Test
    void theMachineIsNeverBusierThanItsTotalTime() throws Exception {
        long[] before = ProcessCpu.machineTicks();
        long[] after = ProcessCpu.machineTicks();

        assertThat(before[0]).isPositive().isLessThan(before[1]);
        assertThat(after[0]).isGreaterThanOrEqualTo(before[0]);
        assertThat(after[1] - after[0]).isGreaterThanOrEqualTo(before[1] - before[0]);
    }
}
