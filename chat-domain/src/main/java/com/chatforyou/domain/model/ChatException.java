package com.chatforyou.domain.model;

/** A refused request. The message is safe to show to the participant who caused it. */
public class ChatException extends RuntimeException {

    private final ErrorCode code;

    public ChatException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
