package com.chatforyou.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What ran on the machine during a join: every thread's time on a core, grouped by whose it is. */
class MachineThreadsTest {

    @Test
    void aThreadThatRanBetweenTwoReadingsIsChargedToItsOwnerAndThreadName() throws Exception {
        String marker = "chatforyou-threads-" + UUID.randomUUID();
        List<MachineThreads.Owner> owners = List.of(new MachineThreads.Owner(marker, "the spinner"));
        Process spinner = new ProcessBuilder("sh", "-c", "read go; i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done;"
                + " echo spun; read line", marker).redirectErrorStream(true).start();
        try {
            Map<String, MachineThreads.Sample> before = MachineThreads.read(owners);
            spinner.getOutputStream().write("go\n".getBytes());
            spinner.getOutputStream().flush();
            assertThat(new String(spinner.getInputStream().readNBytes(5))).isEqualTo("spun\n");

            Map<String, Double> ran = MachineThreads.between(before, MachineThreads.read(owners));

            assertThat(ran).containsKey("the spinner · sh");
            assertThat(ran.get("the spinner · sh")).isPositive();
        } finally {
            spinner.destroyForcibly().waitFor();
        }
    }

    @Test
    void aThreadNewInTheSecondReadingCountsFromItsStartAndOneThatDidNotRunIsLeftOut() {
        Map<String, MachineThreads.Sample> before = Map.of("1/1", new MachineThreads.Sample("a · x", 5_000_000),
                "1/2", new MachineThreads.Sample("a · y", 1_000_000));
        Map<String, MachineThreads.Sample> after = Map.of("1/1", new MachineThreads.Sample("a · x", 7_000_000),
                "1/2", new MachineThreads.Sample("a · y", 1_000_000), "1/3", new MachineThreads.Sample("a · x", 3_000_000));

        assertThat(MachineThreads.between(before, after)).isEqualTo(Map.of("a · x", 5.0));
    }

    @Test
    void chromiumProcessesAreTypedAndOtherProcessesNamedByTheirOwnName() {
        String profile = "--user-data-dir=/tmp/p-1";
        List<MachineThreads.Owner> owners = List.of(new MachineThreads.Owner(profile, "the joiner's browser"));

        assertThat(MachineThreads.ownerOf("chromium --type=renderer " + profile + " --lang=en", "chromium", owners))
                .isEqualTo("the joiner's browser");
        assertThat(MachineThreads.ownerOf("janus\0-F\0/etc/janus\0", "janus", owners)).isEqualTo("janus");
        assertThat(MachineThreads.chromiumType("chromium --type=gpu-process " + profile)).isEqualTo("gpu-process ");
        assertThat(MachineThreads.chromiumType("chromium\0" + profile + "\0--headless=new\0")).isEqualTo("browser ");
        assertThat(MachineThreads.chromiumType("janus\0-F\0")).isEmpty();
    }

    @Test
    void aJvmsCompilerThreadsArePrintedJoinByJoin() {
        List<Map<String, Double>> joins = List.of(
                Map.of("the server · C2 CompilerThre", 80.0, "the server · C1 CompilerThre", 20.0, "the server · main", 5.0),
                Map.of("the server · C2 CompilerThre", 30.0, "the bench · C2 CompilerThre", 50.0),
                Map.of("the server · clientInboundCh", 9.0));

        assertThat(MachineThreads.compilingByJoin(joins, "the server", 2))
                .endsWith("the server's JIT compiler threads in each join, round by round (ms on a core): 100 30 | 0\n");
    }

    @Test
    void theReportGivesEachOwnersMeanAndTheLargestGroupsFirst() {
        List<Map<String, Double>> joins = List.of(
                Map.of("the joiner's browser · renderer chromium", 40.0, "the server · java", 10.0),
                Map.of("the joiner's browser · renderer chromium", 60.0, "the joiner's browser · gpu-process Viz", 20.0,
                        "kworker/0:1 · kworker/0:1", 0.4, "ksoftirqd/1 · ksoftirqd/1", 0.8));

        String report = MachineThreads.means(joins, 2);

        assertThat(report).contains("mean of 2 joins").contains("total 66;")
                .contains("the joiner's browser 60, the server 5, less than 1 ms each 1\n")
                .contains("50.0  the joiner's browser · renderer chromium\n")
                .contains("10.0  the joiner's browser · gpu-process Viz\n")
                .doesNotContain("5.0  the server · java");
    }
}
