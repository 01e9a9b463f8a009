package com.chatforyou.domain.model;

/** What a host can stop on a participant besides the microphone. */
public enum StoppedMedia {
    CAMERA("camera"),
    SCREEN_SHARE("screen");

    private final String wireName;

    StoppedMedia(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static StoppedMedia fromWire(String wire) {
        for (StoppedMedia kind : values()) {
            if (kind.wireName.equals(wire)) {
                return kind;
            }
        }
        throw new ChatException(ErrorCode.MALFORMED_MESSAGE, "kind must be camera or screen");
    }
}
