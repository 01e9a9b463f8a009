package com.chatforyou.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the media benchmark prints from the probe's marks and from a CPU profile. */
class MediaReportTest {

    private static final String LINK = "  (the frame's link) ";

    @Test
    void eachStepOfTheFramesLinkIsPrintedAsItsMedianTimeAndItsMedianShare() {
        Map<String, Double> fast = Map.of("joined received (signaling round trip)", 40.0, LINK + "local answer made", 100.0,
                LINK + "ICE connected", 150.0, LINK + "first remote frame", 200.0);
        Map<String, Double> slow = Map.of("joined received (signaling round trip)", 60.0, LINK + "local answer made", 200.0,
                LINK + "ICE connected", 400.0, LINK + "first remote frame", 420.0);

        String printed = MediaBench.stepMedians(List.of(fast, slow));

        // Medians of two are the lower one (nearest rank); a step missing in every join is left out.
        assertThat(printed).contains("over all 2 measured joins")
                .containsPattern("40 +\\( +\\+40\\) +joined received")
                .containsPattern("100 +\\( +\\+60\\) +local answer made")
                .containsPattern("150 +\\( +\\+50\\) +ICE connected")
                .containsPattern("200 +\\( +\\+20\\) +first remote frame")
                .doesNotContain("DTLS connected");
    }

    @Test
    void aStepMissingInSomeJoinsIsMeasuredInEachJoinFromItsLatestEarlierStep() {
        Map<String, Double> made = Map.of("joined received (signaling round trip)", 40.0, LINK + "peer connection made", 70.0,
                LINK + "remote offer set", 90.0);
        Map<String, Double> reserved = Map.of("joined received (signaling round trip)", 30.0,
                LINK + "peer connection configured", 45.0, LINK + "remote offer set", 80.0);

        String printed = MediaBench.stepMedians(List.of(made, reserved));

        assertThat(printed).containsPattern("70 +\\( +\\+30\\) +peer connection made +\\(n=1\\)")
                .containsPattern("45 +\\( +\\+15\\) +peer connection configured +\\(n=1\\)")
                // 90 - 70 in one join, 80 - 45 in the other; the median of two is the lower
                .containsPattern("80 +\\( +\\+20\\) +remote offer set +\\(n=2\\)");
    }

    @Test
    void everyJoinIsPrintedInItsOrderOneGroupPerRound() {
        String printed = MediaBench.joinsByRound(List.of(210.4, 330.0, 205.0, 790.6, 250.0, 300.0), 2);

        assertThat(printed).isEqualTo("210 330 | 205 791 | 250 300");
    }

    @Test
    void eachJoinIsSetAgainstTheFloorRunJustBeforeItUnderTheSameCall() {
        List<Double> joins = List.of(300.0, 900.0, 400.0, 1000.0);
        List<Double> floors = List.of(200.0, 300.0, 100.0, 250.0);

        String printed = MediaBench.againstFloorUnderCall(joins, floors, 2);

        // Nearest-rank p50 of the floors is 200 ms and of the joins 400 ms; p95s 300 and 1,000 ms.
        // Join over its own floor: 1.5, 3.0, 4.0, 4.0, whose nearest-rank median is 3.0.
        assertThat(printed).contains("p50 200 ms, p95 300 ms")
                .contains("joins against it p50 2.0x, p95 3.3x")
                .contains("median 3.0x, 1.5-4.0x")
                .contains("round by round (ms): 200 300 | 100 250");
    }

    @Test
    void theJoinersMainThreadIsTheRendererThatRanMostAndEachMetricIsPrintedAsItsMedian() {
        Map<String, Double> spent = MainThreadMetrics.between(Map.of("TaskDuration", 100.0, "ScriptDuration", 40.0),
                Map.of("TaskDuration", 700.0, "ScriptDuration", 90.0));
        // ns on a core and waiting for one, by renderer: one ran 50 ms, one that started meanwhile 60 ms.
        MainThreadMetrics.addSchedule(spent, Map.of(1L, new long[] {100_000_000, 5_000_000}, 2L, new long[2]),
                Map.of(1L, new long[] {150_000_000, 30_000_000}, 2L, new long[] {20_000_000, 1_000_000},
                        3L, new long[] {60_000_000, 2_000_000}));

        assertThat(spent).containsEntry("TaskDuration", 600.0).containsEntry("ScriptDuration", 50.0)
                .containsEntry("OnCoreSchedstat", 60.0).containsEntry("WaitingForCoreSchedstat", 2.0);
        Map<String, Double> other = Map.of("TaskDuration", 400.0, "ScriptDuration", 30.0, "OnCoreSchedstat", 20.0,
                "WaitingForCoreSchedstat", 300.0);
        assertThat(MainThreadMetrics.medians(List.of(spent, other)))
                .contains("median of 2 joins (ms): tasks 400, script 30, on a core (schedstat) 20,"
                        + " runnable, waiting for a core 2");
    }

    @Test
    void theProfileSummaryAddsSelfTimePerFunctionAndLeavesIdleOut() {
        Map<String, Object> profile = Map.of(
                "nodes", List.of(node(1, "(root)", ""), node(2, "render", "http://x/js/room-view.js"), node(3, "(idle)", "")),
                "samples", List.of(2, 2, 3, 2),
                "timeDeltas", List.of(0, 1000, 1000, 5000));

        String summary = JoinProfile.summary(profile, Path.of("janus-last-join.cpuprofile"));

        // Sample i lasts until sample i+1: render 1 + 1 ms (the last sample has no end), idle 5 ms.
        assertThat(summary).contains("2 ms on the main thread but idle").containsPattern("2\\.0 ms +render room-view\\.js:8")
                .doesNotContain("(idle)");
    }

    private static Map<String, Object> node(int id, String function, String url) {
        return Map.of("id", id, "callFrame", Map.of("functionName", function, "url", url, "lineNumber", 7));
    }
}
