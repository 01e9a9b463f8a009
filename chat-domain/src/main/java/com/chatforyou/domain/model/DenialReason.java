package com.chatforyou.domain.model;

/** Why a newcomer in the waiting room was not let in. */
public enum DenialReason {
    /** A host denied them. */
    HOST("host"),
    /** The room has no host left to admit anyone (host handover {@code none}). */
    NO_HOST("no-host"),
    /** Everyone left, so the room closed. */
    ROOM_CLOSED("room-closed"),
    /** A host ended the meeting for everyone. */
    MEETING_ENDED("meeting-ended"),
    /** The waiting room was turned off but the room had no seat left for them. */
    ROOM_FULL("room-full");

    private final String wireName;

    DenialReason(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
