package com.chatforyou.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenFilesWarningTest {

    @Test
    void aLimitThatHoldsEveryConnectionIsNotWarnedAbout() {
        assertThat(StartupLine.descriptorWarning(14_357, 20_000)).isEmpty();
        assertThat(StartupLine.descriptorWarning(1_000, 1_000 + StartupLine.DESCRIPTORS_BESIDES_CONNECTIONS)).isEmpty();
    }

    @Test
    void tomcatAcceptingMoreConnectionsThanTheProcessMayOpenFilesIsWarnedAboutWithTheNumbers() {
        assertThat(StartupLine.descriptorWarning(14_357, 1_024)).hasValueSatisfying(warning -> assertThat(warning)
                .contains("Tomcat accepts 14357 connections", "may open only 1024 files", "about 768 of them",
                        "at least 14613", "chatforyou.limits.websocket.max-connections"));
    }

    @Test
    void anUnknownLimitIsNotWarnedAbout() {
        assertThat(StartupLine.descriptorWarning(14_357, -1)).isEmpty();
    }
}
