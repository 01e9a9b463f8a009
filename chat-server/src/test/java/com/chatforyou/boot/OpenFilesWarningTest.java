package com.chatforyou.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenFilesWarningTest {

    @Test
    void aLimitThatHoldsEveryConnectionIsNotWarnedAbout() {
        assertThat(StartupLine.descriptorWarning(14_357, 20_000)).isEmpty();
        assertThat(StartupLine.descriptorWarning(1_000, 1_000 + OpenFiles.BESIDES_CONNECTIONS)).isEmpty();
    }

    @Test
    void tomcatAcceptingMoreConnectionsThanTheProcessMayOpenFilesIsWarnedAboutWithTheNumbers() {
        assertThat(StartupLine.descriptorWarning(14_357, 1_024)).hasValueSatisfying(warning -> assertThat(warning)
                .contains("Tomcat accepts 14357 connections", "may open only 1024 files", "about 768 of them",
                        "at least 14613", "chatforyou.limits.websocket.max-connections"));
    }

    @Test
    void aDerivedConnectionCapLeavesTomcatWithinTheOpenFilesLimit() {
        for (long maxFiles : new long[] {1_024, 4_096, 20_000, 1_048_576}) {
            int cap = SignalingWiring.derivedMaxConnections(10_000_000, maxFiles);
            assertThat(TomcatConnectionLimit.forWebSocketCap(cap) + (long) OpenFiles.BESIDES_CONNECTIONS)
                    .as("%d open files", maxFiles).isLessThanOrEqualTo(maxFiles);
            assertThat(StartupLine.descriptorWarning(TomcatConnectionLimit.forWebSocketCap(cap), maxFiles)).isEmpty();
        }
        assertThat(SignalingWiring.derivedMaxConnections(1_000, 20_000)).isEqualTo(ParticipantCapacity.connections(1_000));
        assertThat(SignalingWiring.derivedMaxConnections(1_000, -1)).isEqualTo(ParticipantCapacity.connections(1_000));
    }

    @Test
    void anUnknownLimitIsNotWarnedAbout() {
        assertThat(StartupLine.descriptorWarning(14_357, -1)).isEmpty();
    }
}
