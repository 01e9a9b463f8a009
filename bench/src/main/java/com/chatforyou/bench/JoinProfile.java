package com.chatforyou.bench;

import tools.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A JavaScript CPU profile of one page's join ({@code ./bench.sh media --profile}), through the DevTools
 * protocol's Profiler: saved as a .cpuprofile (DevTools' Performance panel opens it) and summarised as the
 * functions with the most self time, which is what the timeline's long tasks are made of.
 */
final class JoinProfile {

    private static final int SAMPLING_MICROS = 250;
    private static final int SHOWN = 12;

    private JoinProfile() {
    }

    static void start(ChromeDriver page) {
        page.executeCdpCommand("Profiler.enable", Map.of());
        page.executeCdpCommand("Profiler.setSamplingInterval", Map.of("interval", SAMPLING_MICROS));
        page.executeCdpCommand("Profiler.start", Map.of());
    }

    /** Stops the profile, writes it to {@code file} and returns the summary's lines. */
    @SuppressWarnings("unchecked")
    static String stop(ChromeDriver page, Path file) throws IOException {
        Map<String, Object> profile = (Map<String, Object>) page.executeCdpCommand("Profiler.stop", Map.of()).get("profile");
        page.executeCdpCommand("Profiler.disable", Map.of());
        Files.writeString(file, JsonMapper.builder().build().writeValueAsString(profile));
        return summary(profile, file);
    }

    @SuppressWarnings("unchecked")
    static String summary(Map<String, Object> profile, Path file) {
        Map<Long, String> names = new HashMap<>();
        for (Map<String, Object> node : (List<Map<String, Object>>) profile.get("nodes")) {
            Map<String, Object> frame = (Map<String, Object>) node.get("callFrame");
            String url = String.valueOf(frame.get("url"));
            String function = String.valueOf(frame.get("functionName"));
            String where = url.isEmpty() ? "" : " " + url.substring(url.lastIndexOf('/') + 1) + ":"
                    + (((Number) frame.get("lineNumber")).intValue() + 1);
            names.put(((Number) node.get("id")).longValue(), (function.isEmpty() ? "(anonymous)" : function) + where);
        }
        List<Number> samples = (List<Number>) profile.get("samples");
        List<Number> deltas = (List<Number>) profile.get("timeDeltas");
        Map<String, Double> selfMillis = new HashMap<>();
        // Each sample's time is the delta to the next sample.
        for (int i = 0; i < samples.size(); i++) {
            double millis = i + 1 < deltas.size() ? deltas.get(i + 1).doubleValue() / 1000 : 0;
            selfMillis.merge(names.get(samples.get(i).longValue()), millis, Double::sum);
        }
        double busy = selfMillis.entrySet().stream().filter(e -> !e.getKey().startsWith("(idle)"))
                .mapToDouble(Map.Entry::getValue).sum();
        StringBuilder out = new StringBuilder(String.format(
                "      CPU profile of that join (%s): %.0f ms on the main thread but idle; most self time:%n",
                file.getFileName(), busy));
        selfMillis.entrySet().stream().filter(e -> !e.getKey().startsWith("(idle)"))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(SHOWN)
                .forEach(e -> out.append(String.format("        %7.1f ms  %s%n", e.getValue(), e.getKey())));
        return out.toString();
    }
}
