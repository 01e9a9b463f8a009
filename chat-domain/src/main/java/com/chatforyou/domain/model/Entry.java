package com.chatforyou.domain.model;

/** What a join comes to once the room's entry rules were applied (see {@link Room#entryFor}). */
public sealed interface Entry {

    /** Sit down now, with this role. */
    record Seat(Role role) implements Entry {
    }

    /** Wait in the waiting room for a host. */
    record Knock() implements Entry {
    }

    /** The waiting room cannot take them. */
    record Denied(DenialReason reason) implements Entry {
    }
}
