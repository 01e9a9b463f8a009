package com.chatforyou.domain.model;

/** Every way a request can be refused. The wire code is what clients switch on. */
public enum ErrorCode {
    ROOM_NOT_FOUND("room-not-found"),
    ROOM_FULL("room-full"),
    WRONG_PASSWORD("wrong-password"),
    TOO_MANY_ROOMS("too-many-rooms"),
    SERVER_FULL("server-full"),
    ROOM_NAME_TAKEN("room-name-taken"),
    /** A room.create asked for an invite link another room already has. */
    ROOM_LINK_TAKEN("room-link-taken"),
    INVALID_ROOM_LINK("invalid-room-link"),
    INVALID_ROOM_NAME("invalid-room-name"),
    INVALID_CAPACITY("invalid-capacity"),
    INVALID_PASSWORD("invalid-password"),
    NAME_TAKEN("name-taken"),
    INVALID_DISPLAY_NAME("invalid-display-name"),
    INVALID_CHAT_MESSAGE("invalid-chat-message"),
    ALREADY_IN_ROOM("already-in-room"),
    NOT_IN_ROOM("not-in-room"),
    RESUME_FAILED("resume-failed"),
    /** A host action from someone who is not a host. */
    NOT_HOST("not-host"),
    /** A host action on a host of the same or a higher rank, on oneself, or a role change by a co-host. */
    OUTRANKED("outranked"),
    /** A host action naming a participant who is not in the host's room. */
    UNKNOWN_PARTICIPANT("unknown-participant"),
    /** Admit or deny for a knock that is no longer waiting. */
    UNKNOWN_KNOCK("unknown-knock"),
    ROOM_LOCKED("room-locked"),
    /** A host removed this newcomer from the room a short while ago. */
    BANNED("banned"),
    /** Unmuting while the room's hosts control microphones and no host asked. */
    UNMUTE_NOT_ALLOWED("unmute-not-allowed"),
    INVALID_REACTION("invalid-reaction"),
    UNKNOWN_LINK("unknown-link"),
    LINK_CLOSED("link-closed"),
    LINK_NOT_OWNED("link-not-owned"),
    INVALID_SDP("invalid-sdp"),
    INVALID_CANDIDATE("invalid-candidate"),
    NEGOTIATION_OUT_OF_ORDER("negotiation-out-of-order"),
    MEDIA_UNAVAILABLE("media-unavailable"),
    MALFORMED_MESSAGE("malformed-message"),
    UNKNOWN_DESTINATION("unknown-destination"),
    FRAME_TOO_LARGE("frame-too-large"),
    /** The server is shutting down and takes no new rooms or seats. */
    SERVER_RESTARTING("server-restarting"),
    RATE_LIMITED("rate-limited"),
    /** The password worker and its short queue are full; nothing was checked. */
    PASSWORD_CHECKS_BUSY("password-checks-busy"),
    /** Too many wrong passwords from this address or for this room; retry after the delay named. */
    TOO_MANY_ATTEMPTS("too-many-attempts"),
    /** This address created its hourly allowance of rooms. */
    TOO_MANY_ROOMS_CREATED("too-many-rooms-created"),
    /** This address holds its allowance of rooms nobody has joined yet. */
    TOO_MANY_UNJOINED_ROOMS("too-many-unjoined-rooms"),
    /** Only signed-in hosts may create rooms on this server. */
    SIGN_IN_REQUIRED("sign-in-required"),
    INTERNAL_ERROR("internal-error");

    private final String wireCode;

    ErrorCode(String wireCode) {
        this.wireCode = wireCode;
    }

    public String wireCode() {
        return wireCode;
    }
}
