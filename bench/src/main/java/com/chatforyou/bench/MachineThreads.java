package com.chatforyou.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What ran on the machine between two moments: every thread's time on a core (the first field of
 * /proc/PID/task/TID/schedstat, in ns), grouped by whose it is (the joiner's browser, the call's other
 * browsers, the floor's, the server, Janus, the bench) and, within Chromium, by process type and thread
 * name. A thread that both started and ended between the two readings is missed.
 */
final class MachineThreads {

    /** Whose a process is: the first owner whose argument its command line has, else its own name. */
    record Owner(String argument, String name) {
    }

    private MachineThreads() {
    }

    /** Each thread's group and its time on a core so far (ns), by "pid/tid". */
    static Map<String, Sample> read(List<Owner> owners) throws IOException {
        Map<String, Sample> threads = new HashMap<>();
        for (Map.Entry<Long, String> process : ProcessCpu.commandLines().entrySet()) {
            Path directory = Path.of("/proc", Long.toString(process.getKey()));
            String cmdline = process.getValue();
            String prefix = ownerOf(cmdline, text(directory.resolve("comm")).trim(), owners) + " · "
                    + chromiumType(cmdline);
            List<Path> tasks;
            try (Stream<Path> listed = Files.list(directory.resolve("task"))) {
                tasks = listed.toList();
            } catch (IOException gone) {
                continue;
            }
            for (Path task : tasks) {
                String schedstat = text(task.resolve("schedstat")).trim();
                if (!schedstat.isEmpty()) {
                    long onCore = Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
                    threads.put(process.getKey() + "/" + task.getFileName(),
                            new Sample(prefix + text(task.resolve("comm")).trim(), onCore));
                }
            }
        }
        return threads;
    }

    /** One thread: its group and its ns on a core. */
    record Sample(String group, long onCoreNs) {
    }

    /** Ms on a core per group between two readings; a thread new in the second counts from its start. */
    static Map<String, Double> between(Map<String, Sample> before, Map<String, Sample> after) {
        Map<String, Double> groups = new HashMap<>();
        after.forEach((thread, sample) -> {
            Sample was = before.get(thread);
            long ran = sample.onCoreNs() - (was == null ? 0 : was.onCoreNs());
            if (ran > 0) {
                groups.merge(sample.group(), ran / 1e6, Double::sum);
            }
        });
        return groups;
    }

    /**
     * The mean over the joins of each group's ms on a core, the largest first, and of each owner's
     * (the group's part before " · "), as printed lines.
     */
    static String means(List<Map<String, Double>> joins, int shown) {
        if (joins.isEmpty()) {
            return "";
        }
        Map<String, Double> groups = new HashMap<>();
        Map<String, Double> owners = new LinkedHashMap<>();
        for (Map<String, Double> join : joins) {
            join.forEach((group, ms) -> {
                groups.merge(group, ms / joins.size(), Double::sum);
                owners.merge(group.substring(0, group.indexOf(" · ")), ms / joins.size(), Double::sum);
            });
        }
        StringBuilder out = new StringBuilder(String.format("      what ran on the machine from the click until the"
                + " bench saw the first frame, mean of %d joins, ms on a core (/proc schedstat): total %.0f;", joins.size(),
                owners.values().stream().mapToDouble(Double::doubleValue).sum()));
        String separator = " ";
        double rest = 0;
        for (Map.Entry<String, Double> owner : sortedDescending(owners)) {
            if (owner.getValue() < 1) {
                rest += owner.getValue();
                continue;
            }
            out.append(String.format("%s%s %.0f", separator, owner.getKey(), owner.getValue()));
            separator = ", ";
        }
        if (rest > 0) {
            out.append(String.format("%sless than 1 ms each %.0f", separator, rest));
        }
        out.append('\n');
        for (Map.Entry<String, Double> group : sortedDescending(groups).subList(0, Math.min(shown, groups.size()))) {
            out.append(String.format("        %6.1f  %s%n", group.getValue(), group.getKey()));
        }
        return out.toString();
    }

    /**
     * The ms the JIT compiler threads of one owner (a JVM) ran in each join, in order: a server still
     * compiling its code while the joins are measured shows here.
     */
    static String compilingByJoin(List<Map<String, Double>> joins, String owner, int perRound) {
        List<Double> compiling = joins.stream().map(join -> join.entrySet().stream()
                .filter(group -> group.getKey().startsWith(owner + " · ") && group.getKey().contains("CompilerThre"))
                .mapToDouble(Map.Entry::getValue).sum()).toList();
        return String.format("      %s's JIT compiler threads in each join, round by round (ms on a core): %s%n", owner,
                MediaBench.joinsByRound(compiling, perRound));
    }

    static String ownerOf(String cmdline, String comm, List<Owner> owners) {
        for (Owner owner : owners) {
            if (ProcessCpu.hasArgument(cmdline, owner.argument())) {
                return owner.name();
            }
        }
        return comm;
    }

    /** "renderer " for a Chromium renderer, "browser " for its browser process, "" for anything else. */
    static String chromiumType(String cmdline) {
        if (!cmdline.contains("--user-data-dir=")) {
            return "";
        }
        int at = cmdline.indexOf("--type=");
        if (at < 0) {
            return "browser ";
        }
        int end = at + "--type=".length();
        while (end < cmdline.length() && cmdline.charAt(end) != '\0' && cmdline.charAt(end) != ' ') {
            end++;
        }
        return cmdline.substring(at + "--type=".length(), end) + " ";
    }

    private static List<Map.Entry<String, Double>> sortedDescending(Map<String, Double> values) {
        List<Map.Entry<String, Double>> sorted = new ArrayList<>(values.entrySet());
        sorted.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        return sorted;
    }

    private static String text(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException gone) {
            return "";
        }
    }
}
