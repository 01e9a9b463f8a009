package com.chatforyou.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How long a phase's count may stand still: it grows with the run, or is what the operator says. */
class BenchConfigTest {

    @Test
    void theQuietWindowIsTenSecondsUpToAThousandParticipantsThenASecondPerHundred() {
        assertThat(BenchConfig.parse(new String[] {"--participants=6"}).quietSeconds()).isEqualTo(10);
        assertThat(BenchConfig.parse(new String[0]).quietSeconds()).isEqualTo(20);
        assertThat(BenchConfig.parse(new String[] {"--participants=10000"}).quietSeconds()).isEqualTo(100);
    }

    @Test
    void anExplicitQuietWindowIsKept() {
        assertThat(BenchConfig.parse(new String[] {"--participants=10000", "--quiet=30"}).quietSeconds())
                .isEqualTo(30);
        assertThatThrownBy(() -> BenchConfig.parse(new String[] {"--quiet=0"}))
                .hasMessageContaining("--quiet must be positive");
    }
}
