package com.chatforyou.bench;

import java.io.IOException;
import java.util.List;

/**
 * Which CPUs the processes of browsers may run on (Linux affinity, set with util-linux's {@code taskset}
 * on every thread): the media benchmark's {@code --joiner-core} gives the measured joiner one core of its
 * own, as if it had a machine of its own, and leaves the call's other browsers the rest. Unlike a nice
 * value, an affinity can be widened again without privileges, so the same browsers serve every round.
 */
final class CorePinning {

    private CorePinning() {
    }

    /** Every CPU of this machine, as a taskset list. */
    static String allCpus() {
        return cpus(0, Runtime.getRuntime().availableProcessors() - 1);
    }

    /** The last CPU: the joiner's. */
    static String lastCpu() {
        int last = Runtime.getRuntime().availableProcessors() - 1;
        return cpus(last, last);
    }

    /** Every CPU but the last: the other browsers'. */
    static String allButLastCpu() {
        int last = Runtime.getRuntime().availableProcessors() - 1;
        if (last < 1) {
            throw new IllegalStateException("--joiner-core needs at least two CPUs");
        }
        return cpus(0, last - 1);
    }

    /**
     * Pins every thread of every process started with any of these arguments (each browser's profile
     * directory, which its zygote carries too, so renderers forked later inherit the pinning).
     */
    static void pin(List<String> arguments, String cpuList) throws IOException, InterruptedException {
        for (long pid : ProcessCpu.pidsWithAny(arguments)) {
            Process taskset = new ProcessBuilder("taskset", "--all-tasks", "--pid", "--cpu-list", cpuList,
                    Long.toString(pid)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            taskset.waitFor(); // a process that ended meanwhile fails here, which is fine
        }
    }

    private static String cpus(int first, int last) {
        return first == last ? Integer.toString(first) : first + "-" + last;
    }
}
