package com.chatforyou.domain.model;

import com.chatforyou.domain.port.out.NameSkeletonPort;

/** A participant's name as shown to everyone, in its normalized form ({@link Names}). */
public record DisplayName(String value) {
    public static final int MAX_LENGTH = 32;

    public DisplayName {
        value = Text.requireUserText(Names.normalize(value), MAX_LENGTH, ErrorCode.INVALID_DISPLAY_NAME,
                "Display name");
    }

    /** The rule of one name per room: equal skeletons are the same name, however they are written. */
    public boolean sameAs(DisplayName other, NameSkeletonPort skeletons) {
        return skeletons.skeletonOf(value).equals(skeletons.skeletonOf(other.value));
    }
}
