package com.chatforyou.bench;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What a page's main thread spent between two moments, from the DevTools protocol's Performance
 * metrics (cumulative seconds per renderer): all its tasks, and of them script, layout, style and the
 * DevTools commands (the bench's own, its click among them); and its time on a core, which falls short
 * of the tasks' time when the thread waited for one (the renderer's schedstat says how long).
 */
final class MainThreadMetrics {

    /** The metrics shown, in the order printed, with the name each is printed as. */
    static final Map<String, String> SHOWN = names();

    private MainThreadMetrics() {
    }

    private static Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("TaskDuration", "tasks");
        names.put("ThreadTime", "of it on a core");
        names.put("ScriptDuration", "script");
        names.put("LayoutDuration", "layout");
        names.put("RecalcStyleDuration", "style");
        names.put("DevToolsCommandDuration", "the bench's DevTools commands");
        names.put("OnCoreSchedstat", "on a core (schedstat)");
        names.put("WaitingForCoreSchedstat", "runnable, waiting for a core");
        return names;
    }

    static void enable(ChromeDriver page) {
        page.executeCdpCommand("Performance.enable", Map.of());
    }

    /** The page's cumulative metrics now, in ms. */
    @SuppressWarnings("unchecked")
    static Map<String, Double> read(ChromeDriver page) {
        Map<String, Double> read = new LinkedHashMap<>();
        for (Map<String, Object> metric : (List<Map<String, Object>>) page.executeCdpCommand("Performance.getMetrics",
                Map.of()).get("metrics")) {
            String name = (String) metric.get("name");
            if (SHOWN.containsKey(name)) {
                read.put(name, ((Number) metric.get("value")).doubleValue() * 1000);
            }
        }
        return read;
    }

    /** The page's renderer main threads' schedule now (by process), read with its metrics. */
    static Map<Long, long[]> schedule(ChromeDriver page) throws IOException {
        return ProcessCpu.rendererMainThreads(MediaPages.profileArgument(page));
    }

    /**
     * The renderer main thread that ran most between the two readings (the page's own): its ms on a core
     * and ms waiting for one, added to {@code spent}.
     */
    static void addSchedule(Map<String, Double> spent, Map<Long, long[]> before, Map<Long, long[]> after) {
        long[] most = null;
        for (Map.Entry<Long, long[]> thread : after.entrySet()) {
            long[] was = before.getOrDefault(thread.getKey(), new long[2]);
            long[] ran = {thread.getValue()[0] - was[0], thread.getValue()[1] - was[1]};
            if (most == null || ran[0] > most[0]) {
                most = ran;
            }
        }
        if (most != null) {
            spent.put("OnCoreSchedstat", most[0] / 1e6);
            spent.put("WaitingForCoreSchedstat", most[1] / 1e6);
        }
    }

    /** What was spent from {@code before} to {@code after}, in ms. */
    static Map<String, Double> between(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> spent = new LinkedHashMap<>();
        after.forEach((name, value) -> spent.put(name, value - before.getOrDefault(name, 0.0)));
        return spent;
    }

    /** The median of each metric over the joins, as one printed line. */
    static String medians(List<Map<String, Double>> joins) {
        StringBuilder out = new StringBuilder(String.format(
                "      the joiner's main thread from click to first frame, median of %d joins (ms):", joins.size()));
        String separator = " ";
        for (Map.Entry<String, String> shown : SHOWN.entrySet()) {
            List<Double> values = joins.stream().filter(join -> join.containsKey(shown.getKey()))
                    .map(join -> join.get(shown.getKey())).toList();
            if (!values.isEmpty()) {
                out.append(String.format("%s%s %.0f", separator, shown.getValue(), MediaBench.percentile(values, 50)));
                separator = ", ";
            }
        }
        return out.append('\n').toString();
    }
}
