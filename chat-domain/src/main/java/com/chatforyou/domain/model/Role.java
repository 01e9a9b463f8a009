package com.chatforyou.domain.model;

/**
 * What a participant may do in their room. The host and co-hosts are the room's hosts; the host
 * outranks co-hosts, who outrank everyone else.
 */
public enum Role {
    HOST("host"),
    CO_HOST("co-host"),
    PARTICIPANT("participant");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The host and co-hosts moderate; a participant does not. */
    public boolean isHost() {
        return this != PARTICIPANT;
    }

    public boolean outranks(Role other) {
        return ordinal() < other.ordinal();
    }

    /** The role a wire name stands for; anything else is a malformed request. */
    public static Role fromWire(String wire) {
        for (Role role : values()) {
            if (role.wireName.equals(wire)) {
                return role;
            }
        }
        throw new ChatException(ErrorCode.MALFORMED_MESSAGE, "role must be host, co-host or participant");
    }
}
