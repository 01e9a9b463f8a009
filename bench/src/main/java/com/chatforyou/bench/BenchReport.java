package com.chatforyou.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** The figures of one run, the targets they are judged against, and their table, JSON and CSV forms. */
final class BenchReport {

    /** Figures every complete run reports; the smoke test checks that none is missing. */
    static final List<String> REQUIRED_FIGURES = List.of(
            "participants_requested", "participants_joined", "baseline_sessions_connected",
            "join_latency_p50_ms", "join_latency_p99_ms", "join_latency_max_ms",
            "baseline_latency_p50_ms", "baseline_latency_p99_ms", "baseline_latency_max_ms",
            "join_over_baseline_p50", "join_over_baseline_p99",
            "chat_messages_sent", "chat_messages_refused", "chat_deliveries_expected", "chat_deliveries",
            "chat_lost", "chat_duplicated", "chat_out_of_order", "chat_misrouted", "chat_deliveries_per_second",
            "baseline_broadcast_deliveries_expected", "baseline_broadcast_deliveries", "baseline_broadcast_lost",
            "baseline_broadcast_duplicated", "baseline_broadcast_deliveries_per_second",
            "chat_throughput_over_baseline",
            "links_expected", "links_opened", "links_negotiated", "negotiation_signals_sent",
            "negotiation_round_trip_p50_ms", "negotiation_round_trip_p99_ms",
            "heap_idle_server_kb", "heap_bare_sessions_kb", "heap_joined_participants_kb",
            "heap_framework_per_session_kb", "heap_ours_per_participant_kb",
            "server_cpu_s_baseline_connect", "server_cpu_s_baseline_broadcast", "server_cpu_s_join",
            "server_cpu_s_negotiate", "server_cpu_s_chat", "errors_total");

    record Target(String name, String figure, String comparison, double limit, String unit) {
    }

    static final List<Target> TARGETS = List.of(
            new Target("concurrent participants", "participants_joined", ">=", 2000, ""),
            new Target("join latency p99", "join_latency_p99_ms", "<=", 50, " ms"),
            new Target("chat messages lost + duplicated", "chat_lost_or_duplicated", "<=", 0, ""),
            new Target("heap per idle participant beyond the framework's", "heap_ours_per_participant_kb", "<=", 20,
                    " KB"),
            new Target("join p50 / bare-endpoint p50", "join_over_baseline_p50", "<=", 1.3, "x"),
            new Target("join p99 / bare-endpoint p99", "join_over_baseline_p99", "<=", 1.3, "x"));

    private final BenchConfig config;
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<Map<String, Object>> phases = new ArrayList<>();
    private Map<String, String> serverProperties = Map.of();
    private Map<String, Long> errors = Map.of();
    private Map<String, String> errorExamples = Map.of();
    private List<Map<String, Object>> heapGrowth = List.of();
    private List<Map<String, Object>> sessionHeap = List.of();

    BenchReport(BenchConfig config) {
        this.config = config;
        figures.put("participants_requested", config.participants());
    }

    Map<String, Object> figures() {
        return figures;
    }

    void figure(String key, Object value) {
        figures.put(key, value);
    }

    void serverProperties(Map<String, String> properties) {
        this.serverProperties = Map.copyOf(properties);
    }

    void latency(String name, long[] nanos, int requested) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        figures.put(name + "_samples", sorted.length);
        figures.put(name + "_p50_ms", millis(percentile(sorted, 50)));
        figures.put(name + "_p99_ms", millis(percentile(sorted, 99)));
        figures.put(name + "_max_ms", millis(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
        if (name.equals("join_latency")) {
            figures.put("participants_joined", sorted.length);
        } else if (name.equals("baseline_latency")) {
            figures.put("baseline_sessions_connected", sorted.length);
        }
    }

    void deliveries(String prefix, DeliveryLedger ledger, long expected) {
        long distinct = ledger.delivered() - ledger.duplicated() - ledger.misrouted();
        figures.put(prefix + "_messages_sent", ledger.sent());
        figures.put(prefix + "_messages_refused", ledger.refused());
        figures.put(prefix + "_deliveries_expected", expected);
        figures.put(prefix + "_deliveries", ledger.delivered());
        figures.put(prefix + "_lost", Math.max(0, expected - distinct));
        figures.put(prefix + "_duplicated", ledger.duplicated());
        figures.put(prefix + "_out_of_order", ledger.outOfOrder());
        figures.put(prefix + "_misrouted", ledger.misrouted());
        double seconds = ledger.seconds();
        figures.put(prefix + "_seconds", round(seconds, 3));
        figures.put(prefix + "_deliveries_per_second", seconds == 0 ? 0 : Math.round(ledger.delivered() / seconds));
    }

    void heap(ServerProcess.Heap idle, ServerProcess.Heap bare, ServerProcess.Heap joined, int bareSessions,
              int joinedParticipants) {
        figures.put("heap_idle_server_kb", idle.liveBytes() / 1024);
        figures.put("heap_bare_sessions_kb", bare.liveBytes() / 1024);
        figures.put("heap_joined_participants_kb", joined.liveBytes() / 1024);
        double framework = perHead(bare.liveBytes() - idle.liveBytes(), bareSessions);
        double joinedTotal = perHead(joined.liveBytes() - idle.liveBytes(), joinedParticipants);
        figures.put("heap_framework_per_session_kb", round(framework, 2));
        figures.put("heap_ours_per_participant_kb", round(joinedTotal - framework, 2));
        heapGrowth = growth(bare.bytesByClass(), joined.bytesByClass(), joinedParticipants);
        sessionHeap = growth(idle.bytesByClass(), bare.bytesByClass(), bareSessions);
    }

    void errors(Map<String, Long> byCode, Map<String, String> examples) {
        this.errors = byCode;
        this.errorExamples = Map.copyOf(examples);
        figures.put("errors_total", byCode.values().stream().mapToLong(Long::longValue).sum());
    }

    void phase(String name, double wallSeconds, double serverCpuSeconds, double clientCpuSeconds) {
        String key = name.replace('-', '_');
        figures.put("server_cpu_s_" + key, round(serverCpuSeconds, 2));
        figures.put("client_cpu_s_" + key, round(clientCpuSeconds, 2));
        figures.put("wall_s_" + key, round(wallSeconds, 2));
        Map<String, Object> phase = new LinkedHashMap<>();
        phase.put("phase", name);
        phase.put("wall_seconds", round(wallSeconds, 2));
        phase.put("server_cpu_seconds", round(serverCpuSeconds, 2));
        phase.put("client_cpu_seconds", round(clientCpuSeconds, 2));
        phases.add(phase);
    }

    /** Ratios and the combined delivery figure, once everything is in. */
    void finish() {
        ratio("join_over_baseline_p50", "join_latency_p50_ms", "baseline_latency_p50_ms");
        ratio("join_over_baseline_p99", "join_latency_p99_ms", "baseline_latency_p99_ms");
        ratio("chat_throughput_over_baseline", "chat_deliveries_per_second",
                "baseline_broadcast_deliveries_per_second");
        if (figures.containsKey("chat_lost")) {
            figures.put("chat_lost_or_duplicated", (long) (number("chat_lost") + number("chat_duplicated")));
        }
    }

    List<Map<String, Object>> targetResults() {
        List<Map<String, Object>> results = new ArrayList<>();
        for (Target target : TARGETS) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("target", target.name());
            result.put("figure", target.figure());
            result.put("limit", target.comparison() + " " + format(target.limit()) + target.unit());
            Object value = figures.get(target.figure());
            result.put("value", value);
            if (value == null) {
                result.put("result", "MISS");
                result.put("margin", "not measured");
            } else {
                double measured = ((Number) value).doubleValue();
                double margin = target.comparison().equals(">=") ? measured - target.limit() : target.limit() - measured;
                boolean pass = margin >= 0;
                result.put("result", pass ? "PASS" : "MISS");
                String relative = target.limit() == 0 ? ""
                        : String.format(Locale.ROOT, " (%.0f%%)", 100 * Math.abs(margin) / target.limit());
                result.put("margin", (pass ? "margin " : "missed by ") + format(Math.abs(margin)) + target.unit()
                        + relative);
            }
            results.add(result);
        }
        return results;
    }

    /** Writes results.json and results.csv and returns the JSON's path. */
    Path write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("parameters", parameters());
        document.put("machine", machine());
        document.put("server_properties", serverProperties);
        document.put("figures", figures);
        document.put("targets", targetResults());
        document.put("errors", errors);
        document.put("error_examples", errorExamples);
        document.put("phases", phases);
        document.put("heap_growth_bare_over_idle_top_classes", sessionHeap);
        document.put("heap_growth_joined_over_bare_top_classes", heapGrowth);
        Path json = directory.resolve("results.json");
        Files.writeString(json, JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                .writeValueAsString(document), StandardCharsets.UTF_8);
        StringBuilder csv = new StringBuilder("section,key,value\n");
        parameters().forEach((key, value) -> csv.append("parameter,").append(key).append(',').append(value).append('\n'));
        figures.forEach((key, value) -> csv.append("figure,").append(key).append(',').append(value).append('\n'));
        for (Map<String, Object> target : targetResults()) {
            csv.append("target,\"").append(target.get("target")).append("\",").append(target.get("result"))
                    .append('\n');
        }
        Files.writeString(directory.resolve("results.csv"), csv, StandardCharsets.UTF_8);
        return json;
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nChatForYou signaling benchmark: %d participants, rooms of %d, "
                        + "%d chat messages each, %d joins/s%n", config.participants(), config.roomSize(),
                config.messagesPerParticipant(), config.joinsPerSecond()));
        out.append(String.format(Locale.ROOT, "Machine: %s%n%n", machine()));
        out.append(String.format(Locale.ROOT, "%-44s %14s %14s%n", "", "ours", "bare baseline"));
        row(out, "connected (joined / bare sessions)", "participants_joined", "baseline_sessions_connected");
        row(out, "latency p50, ms (CONNECT -> joined / echo)", "join_latency_p50_ms", "baseline_latency_p50_ms");
        row(out, "latency p99, ms", "join_latency_p99_ms", "baseline_latency_p99_ms");
        row(out, "latency max, ms", "join_latency_max_ms", "baseline_latency_max_ms");
        row(out, "fan-out deliveries per second", "chat_deliveries_per_second",
                "baseline_broadcast_deliveries_per_second");
        row(out, "deliveries expected", "chat_deliveries_expected", "baseline_broadcast_deliveries_expected");
        row(out, "lost", "chat_lost", "baseline_broadcast_lost");
        row(out, "duplicated", "chat_duplicated", "baseline_broadcast_duplicated");
        row(out, "out of order (per sender)", "chat_out_of_order", "baseline_broadcast_out_of_order");
        row(out, "refused (typed errors)", "chat_messages_refused", "baseline_broadcast_messages_refused");
        row(out, "heap per participant / per session, KB", "heap_ours_per_participant_kb",
                "heap_framework_per_session_kb");
        row(out, "server CPU s: connect or join", "server_cpu_s_join", "server_cpu_s_baseline_connect");
        row(out, "server CPU s: chat or broadcast", "server_cpu_s_chat", "server_cpu_s_baseline_broadcast");
        out.append(String.format(Locale.ROOT, "%nRatios: join p50 %s x, join p99 %s x baseline; chat throughput %s x baseline%n",
                figures.get("join_over_baseline_p50"), figures.get("join_over_baseline_p99"),
                figures.get("chat_throughput_over_baseline")));
        out.append(String.format(Locale.ROOT, "Media links: %s of %s opened, %s negotiated; offer->answer p50 %s ms, p99 %s ms%n",
                figures.get("links_opened"), figures.get("links_expected"), figures.get("links_negotiated"),
                figures.get("negotiation_round_trip_p50_ms"), figures.get("negotiation_round_trip_p99_ms")));
        out.append(String.format(Locale.ROOT, "Live heap after full GC, KB: idle %s, %s bare sessions %s, %s joined %s%n",
                figures.get("heap_idle_server_kb"), figures.get("baseline_sessions_connected"),
                figures.get("heap_bare_sessions_kb"), figures.get("participants_joined"),
                figures.get("heap_joined_participants_kb")));
        out.append("Errors: ").append(errors.isEmpty() ? "none" : errors + " e.g. " + errorExamples).append('\n');
        out.append(String.format(Locale.ROOT, "%nPhases:%n%-20s %10s %14s %14s%n", "phase", "wall s", "server CPU s",
                "tool CPU s"));
        for (Map<String, Object> phase : phases) {
            out.append(String.format(Locale.ROOT, "%-20s %10s %14s %14s%n", phase.get("phase"),
                    phase.get("wall_seconds"), phase.get("server_cpu_seconds"), phase.get("client_cpu_seconds")));
        }
        out.append(String.format(Locale.ROOT, "%nTargets:%n%-50s %-10s %12s  %s%n", "target", "limit", "figure",
                "result"));
        for (Map<String, Object> target : targetResults()) {
            out.append(String.format(Locale.ROOT, "%-50s %-10s %12s  %s, %s%n", target.get("target"),
                    target.get("limit"), target.get("value"), target.get("result"), target.get("margin")));
        }
        return out.toString();
    }

    private void row(StringBuilder out, String label, String ours, String baseline) {
        out.append(String.format(Locale.ROOT, "%-44s %14s %14s%n", label, figures.getOrDefault(ours, "-"),
                figures.getOrDefault(baseline, "-")));
    }

    private Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("participants", config.participants());
        parameters.put("room_size", config.roomSize());
        parameters.put("rooms", config.rooms());
        parameters.put("messages_per_participant", config.messagesPerParticipant());
        parameters.put("joins_per_second", config.joinsPerSecond());
        parameters.put("warmup_participants", config.warmupParticipants());
        parameters.put("lobby_watchers", config.lobbyWatchers());
        parameters.put("phase_timeout_seconds", config.phaseTimeoutSeconds());
        parameters.put("quiet_seconds", config.quietSeconds());
        parameters.put("client_threads", config.clientThreads());
        parameters.put("server_jvm_options", config.serverJvmOptions());
        return parameters;
    }

    static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            machine.put("memory_gb", round(os.getTotalMemorySize() / (1024.0 * 1024 * 1024), 1));
        }
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        machine.put("java", System.getProperty("java.runtime.version"));
        machine.put("load_average_1_5_15_min", loadAverage());
        return machine;
    }

    /** Other work on the machine shares the cores with the server and the tool; the report says how much. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException unavailable) {
            return "unknown";
        }
    }

    private static List<Map<String, Object>> growth(Map<String, Long> before, Map<String, Long> after, int heads) {
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .limit(15)
                .map(e -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("class", e.getKey());
                    row.put("kb", e.getValue() / 1024);
                    row.put("bytes_per_participant", heads == 0 ? 0 : e.getValue() / heads);
                    return row;
                })
                .toList();
    }

    private void ratio(String key, String numerator, String denominator) {
        double bottom = number(denominator);
        if (figures.containsKey(numerator) && bottom > 0) {
            figures.put(key, round(number(numerator) / bottom, 2));
        }
    }

    private double number(String key) {
        Object value = figures.get(key);
        return value instanceof Number n ? n.doubleValue() : 0;
    }

    private static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double millis(long nanos) {
        return round(nanos / 1e6, 2);
    }

    private static double perHead(long bytes, int heads) {
        return heads == 0 ? 0 : bytes / 1024.0 / heads;
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
