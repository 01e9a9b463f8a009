package com.chatforyou.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** CPU time of processes and of the whole machine, from Linux's /proc, in clock ticks. */
final class ProcessCpu {

    /** The Linux clock-tick rate of /proc (USER_HZ), 100 on every common build. */
    static final double CLOCK_TICKS = 100.0;

    private ProcessCpu() {
    }

    /** User and system time of one process; 0 once it is gone. */
    static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime + stime
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /**
     * User and system time of every process started with any of these arguments, in one pass over /proc:
     * all processes of one Chromium (browser, renderers, GPU, network, audio, capture) carry their
     * profile's {@code --user-data-dir}.
     */
    static long ticksOfProcessesWithAny(List<String> arguments) throws IOException {
        long total = 0;
        for (long pid : pidsWithAny(arguments)) {
            total += ticks(pid);
        }
        return total;
    }

    /** The pids of every process started with any of these arguments, in one pass over /proc. */
    static List<Long> pidsWithAny(List<String> arguments) throws IOException {
        return commandLines().entrySet().stream()
                .filter(process -> arguments.stream().anyMatch(argument -> hasArgument(process.getValue(), argument)))
                .map(Map.Entry::getKey).sorted().toList();
    }

    /**
     * For each renderer of the processes started with this argument: its main thread's time on a core
     * and its time runnable but waiting for one, in ns since it started (/proc/PID/task/PID/schedstat).
     */
    static Map<Long, long[]> rendererMainThreads(String argument) throws IOException {
        Map<Long, long[]> threads = new HashMap<>();
        for (Map.Entry<Long, String> process : commandLines().entrySet()) {
            if (hasArgument(process.getValue(), argument) && hasArgument(process.getValue(), "--type=renderer")) {
                long pid = process.getKey();
                try {
                    String[] fields = Files.readString(Path.of("/proc/" + pid + "/task/" + pid + "/schedstat"))
                            .trim().split(" ");
                    threads.put(pid, new long[] {Long.parseLong(fields[0]), Long.parseLong(fields[1])});
                } catch (IOException gone) {
                    // ended meanwhile
                }
            }
        }
        return threads;
    }

    /** Every process's command line by its pid, in one pass over /proc. */
    static Map<Long, String> commandLines() throws IOException {
        Map<Long, String> commandLines = new HashMap<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                String name = process.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit)) {
                    commandLines.put(Long.parseLong(name), cmdline(process));
                }
            }
        }
        return commandLines;
    }

    /** Busy and total ticks of all CPUs since boot (/proc/stat's first line; idle and iowait are not busy). */
    static long[] machineTicks() throws IOException {
        String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < fields.length && i <= 8; i++) {
            total += Long.parseLong(fields[i]);
        }
        long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
        return new long[] {total - idle, total};
    }

    /**
     * Whether the command line has this whole argument, not merely a longer one starting with it.
     * Arguments end in NUL, or in a space where a process rewrote its title (Chromium's zygote children do).
     */
    static boolean hasArgument(String cmdline, String argument) {
        for (int at = cmdline.indexOf(argument); at >= 0; at = cmdline.indexOf(argument, at + 1)) {
            int end = at + argument.length();
            boolean starts = at == 0 || cmdline.charAt(at - 1) == '\0' || cmdline.charAt(at - 1) == ' ';
            boolean ends = end == cmdline.length() || cmdline.charAt(end) == '\0' || cmdline.charAt(end) == ' ';
            if (starts && ends) {
                return true;
            }
        }
        return false;
    }

    private static String cmdline(Path process) {
        try {
            return new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8);
        } catch (IOException gone) {
            return "";
        }
    }
}
