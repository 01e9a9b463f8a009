package com.chatforyou.adapter.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RefusalLogBudgetTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aFloodOfRefusalsIsLoggedUpToTheBudgetAndTheRestAreCountedInTheNextLine() {
        ErrorReplies.LogBudget budget = new ErrorReplies.LogBudget(3);
        assertThat(budget.take(0)).isZero();
        assertThat(budget.take(1)).isZero();
        assertThat(budget.take(2)).isZero();
        for (int i = 0; i < 10; i++) {
            assertThat(budget.take(3 + i)).isEqualTo(-1);
        }

        assertThat(budget.take(SECOND)).isEqualTo(10);
        assertThat(budget.take(SECOND + 1)).isZero();
    }
}
