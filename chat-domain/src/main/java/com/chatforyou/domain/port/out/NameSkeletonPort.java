package com.chatforyou.domain.port.out;

import java.util.Locale;

/**
 * The key under which two names count as the same: a confusable skeleton (Unicode TS #39) of the
 * case-folded, normalized name, so "Ann", "ann" and Cyrillic "Аnn" share one. Display names are
 * unique per room and room names per server under this key.
 */
@FunctionalInterface
public interface NameSkeletonPort {

    /** Case-insensitive only: for tests and wherever no confusables table is wired. */
    NameSkeletonPort CASE_INSENSITIVE = name -> name.toLowerCase(Locale.ROOT).toUpperCase(Locale.ROOT);

    /** @param normalizedName a name as {@code DisplayName} or {@code RoomName} holds it */
    String skeletonOf(String normalizedName);
}
