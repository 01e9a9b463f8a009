package com.chatforyou.domain.model;

import com.chatforyou.domain.port.out.NameSkeletonPort;

/** A room's name as listed in the lobby, in its normalized form ({@link Names}). */
public record RoomName(String value) {
    public static final int MAX_LENGTH = 48;

    public RoomName {
        value = Text.requireUserText(Names.normalize(value), MAX_LENGTH, ErrorCode.INVALID_ROOM_NAME, "Room name");
    }

    /** The rule of one name per server: equal skeletons are the same name, however they are written. */
    public boolean sameAs(RoomName other, NameSkeletonPort skeletons) {
        return skeletons.skeletonOf(value).equals(skeletons.skeletonOf(other.value));
    }
}
