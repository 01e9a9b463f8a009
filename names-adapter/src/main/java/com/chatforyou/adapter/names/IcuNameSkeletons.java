package com.chatforyou.adapter.names;

import com.chatforyou.domain.port.out.NameSkeletonPort;
import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.SpoofChecker;

/**
 * The confusable skeleton of Unicode TS #39 from ICU4J's {@link SpoofChecker}, made case-blind: the
 * skeleton of the case-folded skeleton. Skeleton first, so lookalikes that only look alike in one case
 * still meet ("BiII" with capital I is "Bill", Greek "ΑΝΝ" is "ANN"); then folded and mapped again, so
 * "Ann", "ann" and "Аnn" (Cyrillic А) share one key. Thread-safe: the checker is immutable once built.
 * <p>
 * The checker is built on first use, not at start-up: building it reads ICU's confusables data, which took
 * longer than the rest of a small node's start-up cost (deploy/README.md). Only the confusable check is
 * built; skeletons use nothing else.
 */
public final class IcuNameSkeletons implements NameSkeletonPort {

    @Override
    public String skeletonOf(String normalizedName) {
        SpoofChecker checker = Checker.INSTANCE;
        return checker.getSkeleton(UCharacter.foldCase(checker.getSkeleton(normalizedName), true));
    }

    /** Loaded, and so built, when a skeleton is first asked for. */
    private static final class Checker {
        static final SpoofChecker INSTANCE = new SpoofChecker.Builder().setChecks(SpoofChecker.CONFUSABLE).build();
    }
}
