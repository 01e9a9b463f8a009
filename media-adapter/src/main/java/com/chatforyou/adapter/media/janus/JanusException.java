package com.chatforyou.adapter.media.janus;

/** Janus refused a request: the core's or the videoroom plugin's error code and reason. */
final class JanusException extends RuntimeException {
    /** Janus core: the session does not exist (it timed out or Janus restarted). */
    static final int NO_SUCH_SESSION = 458;
    /** Videoroom: a room with that id exists already. */
    static final int ROOM_EXISTS = 427;
    /** Videoroom: no such room. */
    static final int NO_SUCH_ROOM = 426;

    private final int code;

    JanusException(int code, String reason) {
        super("Janus error " + code + ": " + reason);
        this.code = code;
    }

    int code() {
        return code;
    }
}
