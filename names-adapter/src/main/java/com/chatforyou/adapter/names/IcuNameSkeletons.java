package com.chatforyou.adapter.names;

import com.chatforyou.domain.port.out.NameSkeletonPort;
import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.SpoofChecker;

/**
 * The confusable skeleton of Unicode TS #39 from ICU4J's {@link SpoofChecker}, made case-blind: the
 * skeleton of the case-folded skeleton. Skeleton first, so lookalikes that only look alike in one case
 * still meet ("BiII" with capital I is "Bill", Greek "ΑΝΝ" is "ANN"); then folded and mapped again, so
 * "Ann", "ann" and "Аnn" (Cyrillic А) share one key. Thread-safe: the checker is immutable once built.
 */
public final class IcuNameSkeletons implements NameSkeletonPort {

    private final SpoofChecker checker = new SpoofChecker.Builder().build();

    @Override
    public String skeletonOf(String normalizedName) {
        return checker.getSkeleton(UCharacter.foldCase(checker.getSkeleton(normalizedName), true));
    }
}
